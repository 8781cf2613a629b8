/** The shapes the meeting steps pass to each other. */
import type { MeetingKind, MeetingStatus } from '../../../shared/extraction.js';

/** What kind of words introduced a meeting (lexicon/meetings.json, "triggers"). */
export type TriggerGroup =
  'call' | 'callVerb' | 'video' | 'multilateral' | 'neutral' | 'travel' | 'address' | 'receive' | 'conversation';

/** A word or phrase that introduces a meeting: tokens [i, j) of the report. */
export interface Trigger {
  i: number;
  j: number;
  group: TriggerGroup;
  /** The trigger's words, lower-cased. */
  words: string;
}

/** A meeting as one trigger states it, before the mentions of one meeting are merged. */
export interface Mention {
  participants: string[];
  /** Participants that are the clause's subject (inherited by "and with X" continuations). */
  subject: string[];
  place: string | null;
  date: string | null;
  dateText?: string;
  kind: MeetingKind;
  /** The kind was only a default (no cue said call, video or multilateral). */
  weakKind: boolean;
  status: MeetingStatus;
  /** Report offsets of the trigger (the evidence). */
  start: number;
  end: number;
  /** "the talks", "their meeting": a reference back to a meeting already mentioned. */
  anaphoric: boolean;
  /** A visit to a place ("travel to Riga"). */
  travel: boolean;
  /** "agreed to meet again": a new meeting, never folded into the one just reported. */
  fresh: boolean;
  /** A body is the subject of a verb of meeting ("G20 leaders are due to meet"): a meeting even with one side. */
  bodyMeets: boolean;
}
