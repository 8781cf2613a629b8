/**
 * The meetings of a crisis with their history, step by step (announced, moved, postponed,
 * rescheduled, cancelled, held), each with its report and source; a step opens its report.
 */
import type { Meeting } from '../../../../../shared/state.js';
import type { ProvenanceMap } from '../../../api/provenance.js';
import { SourceMark } from '../../../components/SourceMark.js';
import { meetingHeadings, meetingHistoryLine } from '../../wall/meetingSchedule.js';
import { citationKey, type Citation } from './citation.js';
import { meetingSteps, stepLabels } from './meetingSteps.js';

type Props = { meetings: Meeting[]; provenance: ProvenanceMap; open: string | null; onOpen: (c: Citation) => void };

export function MeetingHistory({ meetings, provenance, open, onOpen }: Props) {
  const shown = meetings.filter((m) => m.history.length > 0);
  return (
    <section className="picture-section" data-testid="picture-meetings">
      <h3>Meetings</h3>
      {shown.length === 0 && <p className="hint">No meeting reported yet.</p>}
      {shown.map((m) => {
        const { title, line } = meetingHeadings(m);
        const story = meetingHistoryLine(m);
        return (
          <div key={m.id} className="meeting-block" data-testid="meeting-history" data-meeting-id={m.id}>
            <h4>
              {title} <span className="hint">· {line}</span>
            </h4>
            <p className="hint">
              {m.status}
              {m.date ? `, ${m.date}` : ', date to be set'}
              {story ? ` · ${story}` : ''}
            </p>
            <ol className="meeting-steps">
              {meetingSteps(m.history).map(({ kind, entry }) => {
                const citation: Citation = {
                  reportId: entry.reportId,
                  span: entry.span,
                  what: `${title}: ${stepLabels[kind].toLowerCase()}`,
                };
                const key = citationKey(citation);
                return (
                  <li
                    key={entry.reportId}
                    className={`meeting-step step-${kind}${open === key ? ' is-open' : ''}`}
                    data-testid="meeting-step"
                    data-step={kind}
                  >
                    <time dateTime={entry.at}>{entry.at.slice(0, 10)}</time>
                    <button
                      type="button"
                      className="cited-open"
                      data-testid="cited"
                      data-report-id={entry.reportId}
                      aria-pressed={open === key}
                      onClick={() => onOpen(citation)}
                    >
                      {stepLabels[kind]}
                    </button>
                    <span className="hint">
                      {[entry.date, entry.place].filter(Boolean).join(' · ') || 'no date or place given'}
                    </span>
                    <SourceMark provenance={provenance.get(entry.reportId)} />
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
