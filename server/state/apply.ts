/**
 * applyReport: fold one report's extraction into the state, replacing whatever that report
 * contributed before, and say which public values changed.
 */
import type { Extraction } from '../../shared/extraction.js';
import type { ChangeBody } from '../../shared/events.js';
import type { PublicTension, PublicTroops } from '../../shared/state.js';
import { deepEqual } from './equal.js';
import { dropThrough, entryIndex, replaceEntry } from './ledger.js';
import { foldMeetings, meetingChanges, type MeetingsBefore } from './meetings.js';
import { foldTension, signalTotals } from './tensionFold.js';
import { leanTension, leanTroops } from './seriesSplit.js';
import { publicTension } from './tensionView.js';
import { datelineDay, dayString } from './time.js';
import { foldTroops, publicTroops } from './troops.js';
import type { CrisisState, FoldOptions, LedgerEntry } from './types.js';

/**
 * Public tension and troops of a state object, computed once: when reports are applied one
 * after another, the "before" of one is the "after" of the previous. States are never
 * mutated, so caching by identity is safe; the WeakMap lets old states be collected.
 */
const views = new WeakMap<CrisisState, { options: FoldOptions; tension: PublicTension; troops: PublicTroops }>();
function viewOf(state: CrisisState, options: FoldOptions): { tension: PublicTension; troops: PublicTroops } {
  let v = views.get(state);
  if (!v || v.options !== options) {
    v = { options, tension: publicTension(state), troops: publicTroops(state, options) };
    views.set(state, v);
  }
  return v;
}

/** One report to fold in; `extraction: null` takes the report's contribution out. */
export type FoldInput = {
  reportId: string;
  /** `YYYY-MM-DD` or an ISO date-time; its UTC day is the report's crisis time. */
  dateline: string;
  /** Read once per fold of the input (the ingest worker passes a getter that parses it then). */
  extraction: Extraction | null;
};

/**
 * Folds `input` into `state` without mutating it; returns the new state (sharing unchanged
 * parts) and the changes to announce: `tension.updated` and `troops.updated` with the full
 * new value (lean: without the trends' series, seriesSplit.ts; a change of the series alone is
 * announced too, so the trends page knows to fetch them again), one `meeting.upserted` per meeting whose public form changed (a withdrawn
 * meeting comes with `sources: []`). Applying the same input twice yields no changes the
 * second time. Reports beyond the ledger bound (MAX_LEDGER_REPORTS, by dateline) are
 * frozen: applying one of them again adds its tension once more, so do not reprocess those.
 * Assumes a report id keeps its dateline (ids hash text + dateline). The change payloads
 * are shared with a per-state cache: treat them as read-only.
 * Throws a RangeError on an unparseable dateline.
 */
export function applyReport(
  state: CrisisState,
  input: FoldInput,
  options: FoldOptions = NO_OPTIONS,
): { state: CrisisState; changes: ChangeBody[] } {
  return applyReports(state, [input], options);
}

const NO_OPTIONS: FoldOptions = {};

/**
 * Folds several reports in order, as applyReport would one after another, but compares the
 * public tension and troops once (before the first, after the last) and each meeting the
 * batch touched once (its form before the batch with its final form; one that changed and
 * changed back is not announced): what a worker needs to commit a batch. `observe` is told the
 * state after each input (after the first `folded` inputs): the as-of history checkpoints the
 * state at exact positions inside a batch without folding it twice.
 */
export function applyReports(
  state: CrisisState,
  inputs: readonly FoldInput[],
  options: FoldOptions = NO_OPTIONS,
  observe?: (folded: number, state: CrisisState) => void,
): { state: CrisisState; changes: ChangeBody[] } {
  let next = state;
  const meetingsBefore: MeetingsBefore = new Map();
  for (let i = 0; i < inputs.length; i++) {
    next = foldOne(next, inputs[i], meetingsBefore, options);
    observe?.(i + 1, next);
  }
  const changes: ChangeBody[] = [];
  const tensionAfter = viewOf(next, options).tension;
  if (!deepEqual(viewOf(state, options).tension, tensionAfter))
    changes.push({ type: 'tension.updated', tension: leanTension(tensionAfter) });
  const troopsAfter = viewOf(next, options).troops;
  if (!deepEqual(viewOf(state, options).troops, troopsAfter))
    changes.push({ type: 'troops.updated', troops: leanTroops(troopsAfter) });
  changes.push(...meetingChanges(meetingsBefore, next.meetings));
  return { state: next, changes };
}

/**
 * Folds several reports in order, as applyReports does, without working out what changed: for
 * replaying inputs whose changes were announced already (the as-of history).
 */
export function foldReports(
  state: CrisisState,
  inputs: readonly FoldInput[],
  options: FoldOptions = NO_OPTIONS,
): CrisisState {
  let next = state;
  const meetingsBefore: MeetingsBefore = new Map();
  for (const input of inputs) next = foldOne(next, input, meetingsBefore, options);
  return next;
}

/** The fold of one report, without comparing public views; the meetings it touches go in `meetingsBefore`. */
function foldOne(
  state: CrisisState,
  input: FoldInput,
  meetingsBefore: MeetingsBefore,
  options: FoldOptions,
): CrisisState {
  const { reportId, dateline, extraction } = input;
  const day = datelineDay(dateline);
  const at = entryIndex(state.ledger, day, reportId);
  const old = at >= 0 ? state.ledger[at] : undefined;

  const met = foldMeetings(
    state.meetings,
    { reportId, at: dateline },
    extraction?.meetings ?? null,
    // A remembered report lists the meetings it joined; an unknown one may still be in some (frozen).
    old ? (old.m ?? []) : undefined,
    meetingsBefore,
  );
  let entry: LedgerEntry | null = null;
  if (extraction) {
    entry = { id: reportId, d: day, ...signalTotals(extraction.tension.signals) };
    if (met.joined.length > 0) entry.m = met.joined;
  }

  const folded = foldTension(
    state.tension,
    reportId,
    old,
    entry && extraction ? { entry, at: dateline, signals: extraction.tension.signals } : null,
  );
  let ledger = replaceEntry(state.ledger, at, entry);
  if (folded.droppedThrough !== null) ledger = dropThrough(ledger, folded.droppedThrough);

  const troops = foldTroops(state.troops, reportId, dayString(day), extraction?.troops ?? null, options);
  return { version: 2, ledger, tension: folded.tension, troops, meetings: met.meetings };
}
