/**
 * /desk: sign in, then the live feed of reports (virtualised), filters and search, the selected
 * report with its highlighted facts, flags, corrections and audit trail, and keyboard shortcuts.
 * Roles are enforced by the server; the page only hides what a role cannot do.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionUser } from '../../../../shared/desk.js';
import type { FlagKind } from '../../../../shared/report.js';
import { api, ApiError } from '../../api/http.js';
import { FilterBar } from './FilterBar.js';
import { facets, matches, noFilters, type DeskFilters } from './filters.js';
import { toggleFlag } from './FlagButtons.js';
import { LoginForm } from './LoginForm.js';
import { ReportList } from './ReportList.js';
import { ReportPanel } from './ReportPanel.js';
import { useDeskFeed } from './useDeskFeed.js';
import { useShortcuts } from './useShortcuts.js';
import './desk.css';

const canFlagRoles = new Set(['journalist', 'editor', 'admin']);

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
  const feed = useDeskFeed(true);
  const [filters, setFilters] = useState<DeskFilters>(noFilters);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const canFlag = canFlagRoles.has(user.role);

  const visible = useMemo(() => feed.reports.filter((r) => matches(r, filters)), [feed.reports, filters]);
  const { sources, entities } = useMemo(() => facets(feed.reports), [feed.reports]);
  const selected = visible.find((r) => r.id === selectedId) ?? null;

  const { loadMore, hasMore, loading } = feed;
  const onNearEnd = useCallback(() => {
    if (hasMore && !loading) loadMore();
  }, [hasMore, loading, loadMore]);

  useShortcuts(
    {
      move(delta) {
        if (visible.length === 0) return;
        const at = visible.findIndex((r) => r.id === selectedId);
        const next = at < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, at + delta));
        setSelectedId(visible[next].id);
      },
      flag(kind: FlagKind) {
        if (!selected) return;
        toggleFlag(selected.id, selected.flags, kind).then(
          (flags) => feed.setFlags(selected.id, flags),
          (err: unknown) => setNotice((err as Error).message),
        );
      },
      search() {
        searchRef.current?.focus();
      },
    },
    canFlag,
  );

  async function signOut(everywhere: boolean) {
    await api('DELETE', `/api/session${everywhere ? '?all=1' : ''}`).catch(() => undefined);
    onSignedOut();
  }

  return (
    <main className="desk" data-testid="desk">
      <header className="page-header desk-header">
        <h1>Crisis Desk</h1>
        <nav>
          <a href="/wall">Wall</a> · <a href="/alerts">Alerts</a>
          {user.role === 'admin' && (
            <>
              {' '}
              · <a href="/admin/queues">Queues</a>
            </>
          )}
        </nav>
        <span
          className={`badge ${feed.status === 'live' ? 'badge-live' : 'badge-down'}`}
          data-testid="connection"
          data-status={feed.status}
        >
          {feed.status === 'live' ? '● Live' : feed.status === 'connecting' ? 'Connecting…' : '○ Disconnected'}
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
        <span className="hint desk-keys">j/k move · {canFlag ? 'b v d f flag · ' : ''}/ search</span>
      </header>
      <FilterBar filters={filters} onChange={setFilters} sources={sources} entities={entities} searchRef={searchRef} />
      {(feed.error || notice) && (
        <p className="desk-error" role="alert">
          {feed.error ?? notice}
        </p>
      )}
      <div className="desk-body">
        <div className="desk-feed">
          <p className="hint desk-count">
            {visible.length.toLocaleString('en')} of {feed.reports.length.toLocaleString('en')} loaded
            {feed.hasMore ? ' (more on scroll)' : ''}
          </p>
          <ReportList reports={visible} selectedId={selectedId} onSelect={setSelectedId} onNearEnd={onNearEnd} />
        </div>
        {selected ? (
          <ReportPanel
            key={selected.id}
            report={selected}
            revision={feed.revision[selected.id] ?? 0}
            canFlag={canFlag}
            onFlags={(flags) => feed.setFlags(selected.id, flags)}
          />
        ) : (
          <section className="desk-panel hint">Select a report (click, or j/k).</section>
        )}
      </div>
    </main>
  );
}
