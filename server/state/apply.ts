/**
 * applyReport: fold one report's extraction into the state, replacing whatever that report
 * contributed before, and say which public values changed.
 */
import type { Extraction } from '../../shared/extraction.js';
import type { ChangeBody } from '../../shared/events.js';
import { dropThrough, findEntry, replaceEntry } from './ledger.js';
import { foldMeetings } from './meetings.js';
import { foldTension, signalTotals } from './tensionFold.js';
import { publicTension } from './tensionView.js';
import { datelineDay, datelineMs, dayString } from './time.js';
import { foldTroops, publicTroops } from './troops.js';
import type { CrisisState, LedgerEntry } from './types.js';

/** One report to fold in; `extraction: null` takes the report's contribution out. */
export type FoldInput = {
  reportId: string;
  /** `YYYY-MM-DD` or an ISO date-time; its UTC day is the report's crisis time. */
  dateline: string;
  extraction: Extraction | null;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Folds `input` into `state` without mutating it; returns the new state (sharing unchanged
 * parts) and the changes to announce: `tension.updated` and `troops.updated` with the full
 * new value, one `meeting.upserted` per meeting whose public form changed (a withdrawn
 * meeting comes with `sources: []`). Applying the same input twice yields no changes the
 * second time. Reports beyond the ledger bound (MAX_LEDGER_REPORTS, by dateline) are
 * frozen: applying one of them again adds its tension once more, so do not reprocess those.
 * Throws a RangeError on an unparseable dateline.
 */
export function applyReport(state: CrisisState, input: FoldInput): { state: CrisisState; changes: ChangeBody[] } {
  const { reportId, dateline, extraction } = input;
  const day = datelineDay(dateline);
  const ms = datelineMs(dateline);
  const old = findEntry(state.ledger, reportId);
  const changes: ChangeBody[] = [];

  const met = foldMeetings(state.meetings, { reportId, at: dateline, ms }, extraction?.meetings ?? null, old?.meetings);
  let entry: LedgerEntry | null = null;
  if (extraction) {
    entry = { reportId, day, ...signalTotals(extraction.tension.signals) };
    if (met.joined.length > 0) entry.meetings = met.joined;
  }

  const folded = foldTension(
    state.tension,
    reportId,
    old,
    entry && extraction ? { entry, at: dateline, signals: extraction.tension.signals } : null,
  );
  let ledger = replaceEntry(state.ledger, reportId, entry);
  if (folded.droppedThrough !== null) ledger = dropThrough(ledger, folded.droppedThrough);

  const troops = foldTroops(state.troops, reportId, dayString(day), extraction?.troops ?? null);
  const next: CrisisState = { version: 1, ledger, tension: folded.tension, troops, meetings: met.meetings };

  const tensionBefore = publicTension(state);
  const tensionAfter = publicTension(next);
  if (!same(tensionBefore, tensionAfter)) changes.push({ type: 'tension.updated', tension: tensionAfter });
  const troopsBefore = publicTroops(state);
  const troopsAfter = publicTroops(next);
  if (!same(troopsBefore, troopsAfter)) changes.push({ type: 'troops.updated', troops: troopsAfter });
  changes.push(...met.changes);
  return { state: next, changes };
}
