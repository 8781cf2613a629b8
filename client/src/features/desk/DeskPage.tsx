/**
 * /desk: sign in, then the desk on one live socket (the desk stream): the reports (list, filters,
 * the selected report with its crises, facts, flags, corrections and audit trail), the reports
 * in no crisis (/desk?view=no-crisis), the crises (/desk?view=crises), the figures with their
 * sources (/desk?view=picture), the checks given to the user (/desk?view=queue) and any crisis'
 * wall as it stood at a chosen moment (/desk?view=as-of). Roles are enforced by the server; the
 * page only hides what a role cannot do.
 */
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/desk.js';
import { can } from '../../../../shared/roles.js';
import { api, ApiError } from '../../api/http.js';
import { AppShell } from '../../components/shell/AppShell.js';
import { AsOfScreen } from './asof/AsOfScreen.js';
import type { Shortcut } from '../../components/shell/HelpOverlay.js';
import { CrisesScreen } from './crises/CrisesScreen.js';
import { NoCrisisScreen } from './crises/NoCrisisScreen.js';
import { useCrises } from './crises/useCrises.js';
import { LoginForm } from './LoginForm.js';
import { PictureScreen } from './provenance/PictureScreen.js';
import { ReportsView } from './ReportsView.js';
import { deskViews, useDeskView, type DeskView } from './useDeskView.js';
import { useDeskStream } from './useDeskStream.js';
import { AssignmentNotice } from './verification/AssignmentNotice.js';
import { QueueScreen } from './verification/QueueScreen.js';
import './desk.css';
import './crises/crises.css';

const viewNames: Record<DeskView, string> = {
  reports: 'Reports',
  queue: 'My queue',
  'no-crisis': 'In no crisis',
  crises: 'Crises',
  picture: 'Figures & sources',
  'as-of': 'As of',
};

function deskShortcuts(canFlag: boolean): Shortcut[] {
  return [
    { keys: 'j / k', does: 'Next / previous report' },
    ...(canFlag ? [{ keys: 'b v d f', does: 'Flag breaking, verified, disputed, follow-up' }] : []),
    { keys: '/', does: 'Search' },
  ];
}

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
  // Opening a report from the queue or an alert remounts the reports view on it (/desk?report=ID).
  const [opened, setOpened] = useState(0);
  const openReport = (id: string) => {
    window.history.pushState(null, '', `/desk?report=${encodeURIComponent(id)}`);
    go('reports');
    setOpened((n) => n + 1);
  };

  async function signOut(everywhere: boolean) {
    await api('DELETE', `/api/session${everywhere ? '?all=1' : ''}`).catch(() => undefined);
    onSignedOut();
  }

  return (
    <AppShell
      connection={{ status: stream.status }}
      shortcuts={view === 'reports' ? deskShortcuts(canFlag) : []}
      className="shell-fill"
      tools={
        <>
          <nav className="desk-views" aria-label="Desk screens">
            {(Object.keys(viewNames) as DeskView[])
              .filter((v) => v !== 'queue' || canFlag)
              .map((v) => (
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
          {can(user.role, 'admin') && <a href="/admin/queues">Queues</a>}
          <span className="desk-user" data-testid="desk-user" data-role={user.role}>
            {user.username} ({user.role})
          </span>
          <button type="button" onClick={() => void signOut(false)}>
            Sign out
          </button>
          <button type="button" onClick={() => void signOut(true)} title="End every session of this account">
            Sign out everywhere
          </button>
        </>
      }
    >
      <main className="desk" data-testid="desk">
        <AssignmentNotice stream={stream} onOpen={openReport} />
        {view === 'reports' && (
          <ReportsView key={opened} stream={stream} crises={crises.crises ?? []} canFlag={canFlag} user={user} />
        )}
        {view === 'queue' && <QueueScreen stream={stream} onOpen={openReport} />}
        {view === 'no-crisis' && <NoCrisisScreen stream={stream} crises={crises.crises ?? []} canAssign={canFlag} />}
        {view === 'picture' && <PictureScreen crises={crises.crises ?? []} />}
        {view === 'as-of' && <AsOfScreen crises={crises.crises ?? []} />}
        {view === 'crises' && <CrisesScreen desk={crises} canEdit={can(user.role, 'edit')} />}
      </main>
    </AppShell>
  );
}
