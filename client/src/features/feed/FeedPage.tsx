/** The first screen: the live report feed and the connection state, end to end. */
import { ConnectionBadge } from '../../components/ConnectionBadge.js';
import { useCrisisState } from '../../realtime/useCrisisState.js';
import { urlToken } from '../../token.js';

export function FeedPage() {
  const feed = useCrisisState(urlToken());
  const reports = feed.state?.reports ?? [];
  return (
    <main className="page feed-page">
      <header className="page-header">
        <h1>Crisis Desk</h1>
        <nav>
          <a href="/wall">Wall</a> · <a href="/desk">Desk</a> · <a href="/alerts">Alerts</a>
        </nav>
        <ConnectionBadge feed={feed} />
      </header>
      {feed.status === 'disconnected' && !feed.state && (
        <p className="hint">
          Open this page with <code>?token=&lt;display token&gt;</code> or sign in at <a href="/desk">the desk</a>.
        </p>
      )}
      <ol className="report-feed" data-testid="report-feed">
        {reports.map((r) => (
          <li key={r.id} data-report-id={r.id} className={r.flags.some((f) => f.flag === 'breaking') ? 'breaking' : ''}>
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
      {feed.state && reports.length === 0 && <p className="hint">No reports yet. POST one to /api/reports.</p>}
    </main>
  );
}
