/**
 * The first screen: one crisis' live report feed and the connection state, end to end. The
 * default crisis unless `?crisis=` names one; a switcher moves the same socket to another.
 */
import { useState } from 'react';
import { useCrisisList } from '../../api/useCrisisList.js';
import { AppShell } from '../../components/shell/AppShell.js';
import { useCrisisState } from '../../realtime/useCrisisState.js';
import { urlToken } from '../../token.js';

export function HomePage() {
  const token = urlToken();
  const [crisis, setCrisis] = useState(() => new URLSearchParams(window.location.search).get('crisis') ?? undefined);
  const { crises } = useCrisisList(token);
  const feed = useCrisisState(token, { crisis });
  const reports = feed.state?.reports ?? [];
  const shown = feed.state?.crisis ?? null;

  // A crisis that does not exist (or was removed): say so (feed.unknown), and show the default.
  const unknown = feed.unknown?.crisis;
  const fallback = crises?.find((c) => c.slug !== unknown)?.slug;
  // Moved during render, not in an effect: the page never paints the missing crisis first.
  if (unknown && fallback && crisis === unknown) setCrisis(fallback);

  function choose(slug: string) {
    setCrisis(slug);
    const params = new URLSearchParams(window.location.search);
    params.set('crisis', slug);
    window.history.replaceState(null, '', `${window.location.pathname}?${params}`);
  }

  return (
    <AppShell
      connection={feed}
      crisis={shown}
      tools={
        crises &&
        crises.length > 0 && (
          <select
            aria-label="Crisis"
            data-testid="feed-crisis"
            value={shown ?? crisis ?? ''}
            onChange={(e) => choose(e.target.value)}
          >
            {crises.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        )
      }
    >
      <main className="page feed-page">
        <h1>Latest reports</h1>
        {feed.unknown && (
          <p className="error" role="status">
            {feed.unknown.message}
          </p>
        )}
        {feed.status === 'disconnected' && !feed.state && !feed.unknown && (
          <p className="hint">
            Open this page with <code>?token=&lt;display token&gt;</code> or sign in at <a href="/desk">the desk</a>.
          </p>
        )}
        {feed.state && shown === null && (
          <p className="hint">No crisis is followed yet: every report as it comes in (make crises on the desk).</p>
        )}
        <ol className="report-feed" data-testid="report-feed" data-crisis={shown ?? ''}>
          {reports.map((r) => (
            <li
              key={r.id}
              data-report-id={r.id}
              className={r.flags.some((f) => f.flag === 'breaking') ? 'breaking' : ''}
            >
              <div className="report-meta">
                <time dateTime={r.dateline}>{r.dateline.slice(0, 10)}</time>
                {r.source && <span className="source">{r.source}</span>}
                {r.flags.map((f) => (
                  <span key={f.flag} className={`flag flag-${f.flag}`}>
                    {f.flag}
                  </span>
                ))}
              </div>
              {r.title && <h2>{r.title}</h2>}
              <p>{r.excerpt}</p>
            </li>
          ))}
        </ol>
        {feed.state && shown !== null && reports.length === 0 && (
          <p className="hint">No report in this crisis yet. POST one to /api/reports.</p>
        )}
      </main>
    </AppShell>
  );
}
