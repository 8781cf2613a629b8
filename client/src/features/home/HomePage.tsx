/**
 * The first screen: one crisis' live report feed and the connection state, end to end. The
 * default crisis unless `?crisis=` names one; a switcher moves the same socket to another.
 */
import { AppShell } from '../../components/shell/AppShell.js';
import { useChosenCrisis } from '../../realtime/useChosenCrisis.js';
import { urlToken } from '../../token.js';

export function HomePage() {
  const token = urlToken();
  const { crisis, crises, feed, shown, choose } = useChosenCrisis(token);
  const reports = feed.state?.reports ?? [];

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
