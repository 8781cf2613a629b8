/**
 * /desk: sign in, then the desk on one live socket (the desk stream): the reports (list, filters,
 * the selected report with its crises, facts, flags, corrections and audit trail), the reports
 * in no crisis (/desk?view=no-crisis) and the crises (/desk?view=crises). Roles are enforced by the
 * server; the page only hides what a role cannot do.
 */
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/desk.js';
import { can } from '../../../../shared/roles.js';
import { api, ApiError } from '../../api/http.js';
import { CrisesScreen } from './crises/CrisesScreen.js';
import { NoCrisisScreen } from './crises/NoCrisisScreen.js';
import { useCrises } from './crises/useCrises.js';
import { LoginForm } from './LoginForm.js';
import { ReportsView } from './ReportsView.js';
import { deskViews, useDeskView, type DeskView } from './useDeskView.js';
import { useDeskStream } from './useDeskStream.js';
import './desk.css';
import './crises/crises.css';

const viewNames: Record<DeskView, string> = { reports: 'Reports', 'no-crisis': 'In no crisis', crises: 'Crises' };

export function DeskPage() {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    api<{ user: SessionUser }>('GET', '/api/session').then(
      (r) => setUser(r.user),
      (err: unknown) => setUser(err instanceof ApiError && err.status === 401 ? null : null),
    );
  }, []);

  if (user === undefined) return <div className="loading">Loading…</div>;
  if (user === null) return <LoginForm onSignedIn={setUser} />;
  return <Desk user={user} onSignedOut={() => setUser(null)} />;
}

function Desk({ user, onSignedOut }: { user: SessionUser; onSignedOut: () => void }) {
  const stream = useDeskStream();
  const crises = useCrises(stream);
  const [view, go] = useDeskView();
  const canFlag = can(user.role, 'flag');

  async function signOut(everywhere: boolean) {
    await api('DELETE', `/api/session${everywhere ? '?all=1' : ''}`).catch(() => undefined);
    onSignedOut();
  }

  return (
    <main className="desk" data-testid="desk">
      <header className="page-header desk-header">
        <h1>Crisis Desk</h1>
        <nav className="desk-views" aria-label="Desk screens">
          {(Object.keys(viewNames) as DeskView[]).map((v) => (
            <a
              key={v}
              href={deskViews[v]}
              aria-current={v === view ? 'page' : undefined}
              data-testid={`view-${v}`}
              onClick={(e) => {
                e.preventDefault();
                go(v);
              }}
            >
              {viewNames[v]}
            </a>
          ))}
        </nav>
        <nav>
          <a href="/wall">Wall</a> · <a href="/alerts">Alerts</a>
          {can(user.role, 'admin') && (
            <>
              {' '}
              · <a href="/admin/queues">Queues</a>
            </>
          )}
        </nav>
        <span
          className={`badge ${stream.status === 'live' ? 'badge-live' : 'badge-down'}`}
          data-testid="connection"
          data-status={stream.status}
        >
          {stream.status === 'live' ? '● Live' : stream.status === 'connecting' ? 'Connecting…' : '○ Disconnected'}
        </span>
        <span className="desk-user" data-testid="desk-user" data-role={user.role}>
          {user.username} ({user.role})
        </span>
        <button type="button" onClick={() => void signOut(false)}>
          Sign out
        </button>
        <button type="button" onClick={() => void signOut(true)} title="End every session of this account">
          Sign out everywhere
        </button>
        {view === 'reports' && (
          <span className="hint desk-keys">j/k move · {canFlag ? 'b v d f flag · ' : ''}/ search</span>
        )}
      </header>
      {view === 'reports' && <ReportsView stream={stream} crises={crises.crises ?? []} canFlag={canFlag} />}
      {view === 'no-crisis' && <NoCrisisScreen stream={stream} crises={crises.crises ?? []} canAssign={canFlag} />}
      {view === 'crises' && <CrisesScreen desk={crises} canEdit={can(user.role, 'edit')} />}
    </main>
  );
}
