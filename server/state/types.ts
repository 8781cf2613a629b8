/**
 * The internal state of the fold. Plain JSON (numbers, strings, arrays, plain objects),
 * bounded in size by the limits in constants.ts, so a worker can GET, parse, apply,
 * stringify and SET it per report.
 */
import type { Evidence, MeetingKind, MeetingStatus } from '../../shared/extraction.js';
import type { TroopClaim } from '../../shared/state.js';
import type { VerificationStatus } from '../../shared/verificationStatus.js';

/**
 * What one report put into the tension sum and meetings, so replacing it can take it out
 * again. The most numerous record of the state, hence the one-letter keys.
 */
export type LedgerEntry = {
  /** Report id. */
  id: string;
  /** UTC day of the report's dateline. */
  d: number;
  /** Sum of its signal weights, in thousandths (integer, so sums are exact). */
  w: number;
  /** The same per actor pair: [pair key such as "Russia|Ukraine", thousandths], when any. */
  p?: PairTotals;
  /** Ids of the meetings its mentions joined, when any. */
  m?: string[];
};

/** Per actor pair totals: [pair key such as "Russia|Ukraine", thousandths], sorted by key. */
export type PairTotals = [pair: string, milli: number][];

/**
 * One day of the tension sum: [UTC day, sum of report totals in thousandths, number of
 * reports, per-pair totals]. Pair totals are kept only for the PAIR_WINDOW_DAYS before crisis time.
 */
export type DayBucket = [day: number, milli: number, reports: number, pairs?: PairTotals];

/** A signal kept as a possible driver; strength = log2|weight| + day / HALF_LIFE_DAYS does not change with time. */
export type DriverCandidate = {
  reportId: string;
  index: number;
  at: string;
  day: number;
  phrase: string;
  weight: number;
  category: string;
  actors?: string[];
  evidence: Evidence;
};

/** A stored troop claim; `index` is its position in the report's troops, for a stable order. */
export type StoredClaim = TroopClaim & { index: number };

export type TroopPoint = { at: string; value: number; low: number; high: number };

/** The claims of one force in one theatre ("" when the reports do not say), with their history. */
export type TroopGroup = {
  force: string;
  theatre: string;
  claims: StoredClaim[];
  hypotheticals: StoredClaim[];
  history: TroopPoint[];
};

/** One report's mention of a meeting, as kept inside the meeting. */
export type MentionRecord = {
  reportId: string;
  index: number;
  /** The report's dateline as given. */
  at: string;
  participants: string[];
  place: string | null;
  date: string | null;
  kind: MeetingKind;
  status: MeetingStatus;
  /**
   * Where the report's text states it: [start, end) offsets only, since the text is the report's
   * and 300 quotes would crowd the state (absent in states folded before mentions kept it).
   */
  span?: [start: number, end: number];
  /** The desk's verdict on this mention, when it has one other than unverified. */
  v?: VerificationStatus;
};

/**
 * A meeting: a stable id and its mentions in canonical order (meetingView.mentionOrder).
 * Every public field derives from the mentions; `keys` caches their participant keys for matching.
 */
export type MeetingRecord = { id: string; keys: string[]; mentions: MentionRecord[] };

/**
 * What the fold needs to know of its crisis: the principal force and theatre, and the crisis'
 * places. A figure of the principal force whose report names no theatre ("near the border") is
 * taken to be in the principal theatre, as is one located at a place of the crisis.
 */
export type FoldOptions = { principal?: { force: string; theatre: string }; places?: readonly string[] };

/** The whole internal state. Treat as immutable: applyReport returns a new one and shares unchanged parts. */
export type CrisisState = {
  version: 2;
  /** Sorted by (day, reportId); at most MAX_LEDGER_REPORTS. */
  ledger: LedgerEntry[];
  tension: { days: DayBucket[]; candidates: DriverCandidate[] };
  /** Per force and theatre, sorted by (force, theatre); at most MAX_TROOP_GROUPS. */
  troops: { groups: TroopGroup[] };
  meetings: MeetingRecord[];
};

/** The state before any report. */
export function emptyState(): CrisisState {
  return {
    version: 2,
    ledger: [],
    tension: { days: [], candidates: [] },
    troops: { groups: [] },
    meetings: [],
  };
}
