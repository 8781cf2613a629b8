/**
 * The public picture of the crisis: GET /api/state and the Socket.IO `snapshot`.
 * Built by server/state (pure fold) and read by every client.
 */
import type { Evidence, MeetingKind, MeetingStatus, TroopMention } from './extraction.js';
import type { ReportSummary } from './report.js';

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

export type TensionPair = { actors: string[]; value: number; level: TensionLevel; drivers: TensionDriver[] };

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
export type ForceTroops = {
  /** Whose troops ("Russia"); "" when the reports do not say. */
  force: string;
  /** Where ("Ukraine"); "" when the reports do not say. */
  theatre: string;
  current: TroopFigure | null;
  /** Projections and "could double" figures: shown apart, never mixed into current. */
  hypotheticals: TroopClaim[];
  history: { at: string; value: number; low: number; high: number }[];
};

/**
 * The troop picture of a crisis: the headline is its principal force in its principal theatre
 * (`force`/`theatre` say which; both "" for a crisis without a principal, where the headline is
 * the force cited most recently), the other forces of the crisis are listed apart in `others`.
 */
export type PublicTroops = ForceTroops & { others: ForceTroops[] };

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
