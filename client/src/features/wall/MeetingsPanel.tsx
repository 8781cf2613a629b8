/** The schedule of meetings with countdowns; held ones ticked, moved and cancelled ones marked. */
import { memo } from 'react';
import type { Meeting } from '../../../../shared/state.js';
import { useNow } from '../../components/ConnectionBadge.js';
import { useNewKeys } from '../../components/useNewKeys.js';
import { CitedSource } from '../../components/SourceMark.js';
import { Countdown } from './Countdown.js';
import { meetingHeadings, meetingHistoryLine, selectMeetings } from './meetingSchedule.js';
import { UnverifiedMark } from './UnverifiedMark.js';
import { isVerified } from './verifiedView.js';
import './meetings.css';

/** Rows on screen: a fixed number, so the panel never scrolls or jumps. */
export const MAX_MEETING_ROWS = 6;

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const statusIcon: Record<Meeting['status'], string> = { held: '✓', cancelled: '✕', scheduled: '●', proposed: '?' };

function dayOf(date: string): string {
  const ms = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(ms) ? date : dayFormat.format(ms);
}

export const MeetingsPanel = memo(function MeetingsPanel({
  meetings,
  verifiedOnly = false,
}: {
  meetings: Meeting[];
  verifiedOnly?: boolean;
}) {
  const now = useNow(60_000); // which meetings are past moves by the minute, not the second
  const rows = selectMeetings(meetings, now, MAX_MEETING_ROWS);
  const isNew = useNewKeys(meetings.map((m) => m.id));
  return (
    <section className="wall-panel meetings-panel" aria-labelledby="meetings-title" data-testid="meetings-panel">
      <h2 id="meetings-title" className="panel-title">
        Meetings{verifiedOnly && <span className="verified-only"> · verified only</span>}
      </h2>
      {rows.length === 0 && (
        <p className="muted empty">{verifiedOnly ? 'No verified meetings yet' : 'No meetings reported yet'}</p>
      )}
      <ol className="meeting-rows">
        {rows.map((m) => {
          const { title, line } = meetingHeadings(m);
          const story = meetingHistoryLine(m);
          const unverified = !isVerified(m);
          // The third line: what the meeting was before it moved, and the unverified mark.
          const third = story !== null || unverified;
          return (
            <li
              key={m.id}
              className={`meeting status-${m.status}${m.moved ? ' is-moved' : ''}${third ? ' has-story' : ''}${m.place ? '' : ' titled-by-who'}${isNew(m.id) ? ' is-new' : ''}`}
              data-meeting-id={m.id}
              data-testid="meeting"
            >
              <span className={`meeting-icon status-${m.status}`} aria-label={m.status}>
                {statusIcon[m.status]}
              </span>
              <span className="meeting-head">
                <span className="meeting-place">{title}</span>
              </span>
              {m.status === 'held' ? (
                <span className="countdown phase-held">✓ Held</span>
              ) : m.status === 'cancelled' ? (
                <span />
              ) : (
                <Countdown date={m.date} />
              )}
              <span className="meeting-who">
                {line}
                {/* The title needs its width: the source goes on the line of who meets. */}{' '}
                <CitedSource reportId={m.history.at(-1)?.reportId} compact />
              </span>
              <span className="meeting-when">
                {m.status === 'cancelled' && <span className="tag tag-cancelled">Cancelled</span>}
                {m.status === 'proposed' && <span className="tag tag-proposed">Proposed</span>}
                {/* Its story line already says where it moved from. */}
                {m.moved && !story && <span className="tag tag-moved">Moved</span>}
                {[m.kind === 'in-person' || !m.place ? null : m.kind, m.date === null ? null : dayOf(m.date)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {third && (
                <span className="meeting-story">
                  {unverified && <UnverifiedMark />}
                  {story && <span data-testid="meeting-story">{story}</span>}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
});
