/**
 * /desk?view=no-crisis: the reports no crisis gathered (GET /api/reports?crisis=none), kept live from
 * the desk stream: a report the rules put in no crisis arrives here, and leaves as soon as a
 * journalist (on any desk) assigns it, or a change of rules gathers it.
 */
import type { Crisis } from '../../../../../shared/crisis.js';
import { useDeskFeed } from '../useDeskFeed.js';
import type { DeskStream } from '../useDeskStream.js';
import { AssignCrisis } from './AssignCrisis.js';

export function NoCrisisScreen(props: { stream: DeskStream; crises: readonly Crisis[]; canAssign: boolean }) {
  const feed = useDeskFeed(props.stream, 'none');
  return (
    <section className="no-crisis-screen" data-testid="no-crisis-screen">
      <h2>In no crisis</h2>
      <p className="hint">
        Reports the crises’ rules did not gather. They stay in the archive;
        {props.canAssign ? ' assign one to a crisis the rules missed.' : ' journalists can assign them to a crisis.'}
      </p>
      {feed.error && <p className="desk-error">{feed.error}</p>}
      {!feed.loading && feed.reports.length === 0 && <p className="hint">None: every report is in a crisis.</p>}
      <ol className="no-crisis-list" data-testid="no-crisis-list" data-count={feed.reports.length}>
        {feed.reports.map((r) => (
          <li key={r.id} className="no-crisis-row" data-testid="no-crisis-row" data-report-id={r.id}>
            <div className="report-meta">
              <time dateTime={r.report.dateline}>{r.report.dateline.slice(0, 10)}</time>
              {r.report.source && <span className="source">{r.report.source}</span>}
            </div>
            <h3>{r.report.title ?? r.report.text.slice(0, 80)}</h3>
            <p>{r.report.text.slice(0, 300)}</p>
            {props.canAssign && <AssignCrisis reportId={r.id} crises={props.crises} />}
          </li>
        ))}
      </ol>
      {feed.hasMore && (
        <button type="button" disabled={feed.loading} onClick={feed.loadMore}>
          {feed.loading ? 'Loading…' : 'More'}
        </button>
      )}
    </section>
  );
}
