/**
 * The public picture of the crisis: GET /api/state and the Socket.IO `snapshot`.
 * Built by server/state (pure fold) and read by every client.
 */
import type { Evidence, MeetingKind, MeetingStatus, TroopMention } from './extraction.js';
import type { ReportSummary } from './report.js';
import type { VerificationStatus } from './verificationStatus.js';

export const tensionLevels = ['low', 'elevated', 'high', 'severe'] as const;
export type TensionLevel = (typeof tensionLevels)[number];

/** One phrase that moved the index, traced to its report. */
export type TensionDriver = {
  reportId: string;
  at: string; // the report's dateline, ISO
  phrase: string;
  weight: number;
  category: string;
  actors?: string[];
  /** How much it still counts after time decay (same units as weight). */
  contribution: number;
  evidence: Evidence;
};

/**
 * One day of an actor pair's tension: its index that day and, on a day it rose, the signals of
 * that day behind the rise (those the fold still keeps, strongest first; `contribution` is what
 * each added that day: its weight over the day's reports). `drivers` is left out on other days,
 * to keep the series small.
 */
export type TensionPairPoint = { at: string; value: number; drivers?: TensionRiseDriver[] };

/** A signal behind a rise, briefly: its report holds the evidence. */
export type TensionRiseDriver = Pick<TensionDriver, 'reportId' | 'phrase' | 'weight' | 'contribution'>;

export type TensionPair = {
  actors: string[];
  value: number;
  level: TensionLevel;
  drivers: TensionDriver[];
  /**
   * Day by day over the pair window (the 30 days before crisis time), one point per day with
   * reports. Only in GET /api/trends (CrisisSeries): live changes and snapshots leave it out.
   */
  history?: TensionPairPoint[];
};

export type PublicTension = {
  value: number; // 0..100
  level: TensionLevel;
  history: { at: string; value: number }[];
  drivers: TensionDriver[];
  pairs: TensionPair[];
};

/** A troop figure as one source states it, kept side by side with the others. */
export type TroopClaim = Omit<TroopMention, 'evidence'> & {
  reportId: string;
  asOf: string; // the report's dateline (YYYY-MM-DD)
  evidence: Evidence;
};

export type TroopFigure = { value: number; low: number; high: number; asOf: string; claims: TroopClaim[] };

/** The figures of one force in one theatre: its claims side by side, never mixed with another force's. */
/** One day of one claimant's figure for a force: the figure it cited most that day (ties: the lower). */
export type ClaimantPoint = { at: string; value: number; low?: number; high?: number };

/**
 * What one source claimed of a force over time, from the claims the fold keeps (the newest 40
 * stated and 8 hypothetical per force): its stated figures, and apart its hypothetical ones.
 */
export type ClaimantSeries = {
  /** Who claims it, as the report says ("Ukrainian intelligence"); "" when unattributed. */
  claimedBy: string;
  points: ClaimantPoint[];
  hypotheticals: ClaimantPoint[];
};

export type ForceTroops = {
  /** Whose troops ("Russia"); "" when the reports do not say. */
  force: string;
  /** Where ("Ukraine"); "" when the reports do not say. */
  theatre: string;
  current: TroopFigure | null;
  /** Projections and "could double" figures: shown apart, never mixed into current. */
  hypotheticals: TroopClaim[];
  history: { at: string; value: number; low: number; high: number }[];
  /**
   * The same figures by who claims them, side by side (most claims first, at most 8 claimants).
   * Only in GET /api/trends (CrisisSeries): live changes and snapshots leave it out.
   */
  claimants?: ClaimantSeries[];
};

/**
 * The troop picture of a crisis: the headline is its principal force in its principal theatre
 * (`force`/`theatre` say which; both "" for a crisis without a principal, where the headline is
 * the force cited most recently), the other forces of the crisis are listed apart in `others`.
 */
export type PublicTroops = ForceTroops & { others: ForceTroops[] };

/**
 * The series the trends page draws, apart from the live picture (GET /api/trends): every change
 * of tension or troops goes to every wall, and these series would be most of its bytes.
 */
export type CrisisSeries = {
  crisis: string;
  /** The fold's seq these series reflect: the same as the picture's at that seq. */
  seq: string;
  /** Each actor pair of the picture's tension (same order), day by day with what drove each rise. */
  pairs: { actors: string[]; history: TensionPairPoint[] }[];
  /** The headline force first, then the others in the picture's order: who claims what, over time. */
  forces: { force: string; theatre: string; claimants: ClaimantSeries[] }[];
};

export type MeetingHistoryEntry = {
  at: string;
  reportId: string;
  status: MeetingStatus;
  date: string | null;
  place: string | null;
  /** Where that report's text states the meeting (its last mention there): offsets into report.text. */
  span?: { start: number; end: number };
};

export type Meeting = {
  id: string;
  participants: string[];
  place: string | null;
  date: string | null;
  kind: MeetingKind;
  status: MeetingStatus;
  /** Whether the date or place changed after first being reported. */
  moved: boolean;
  sources: string[];
  history: MeetingHistoryEntry[];
  /** The best verdict among its sources' (absent: none verified it, nor judged it otherwise). */
  verification?: VerificationStatus;
};

export type PublicState = {
  /** The crisis this is the picture of (null: the desk stream, which has reports only). */
  crisis: string | null;
  /** Id of the last entry of that stream folded into this picture ("0-0" when none). */
  seq: string;
  tension: PublicTension;
  troops: PublicTroops;
  meetings: Meeting[];
  reports: ReportSummary[];
};
