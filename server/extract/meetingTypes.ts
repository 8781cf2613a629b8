/** The shapes the meeting detector passes between its steps (kept apart so the steps need not import each other). */
import type { MeetingKind, MeetingStatus } from '../../shared/extraction.js';
import type { DateMention } from './dates.js';
import type { GazMention } from './entities.js';
import type { PersonMention } from './people.js';
import type { Sentence } from './sentences.js';

/** A meeting mention before merging. */
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
  start: number;
  end: number;
  anaphoric: boolean;
  travel: boolean;
  fresh?: boolean;
  /** A body is the subject of a verb of meeting ("G20 leaders are due to meet"): a meeting even with one side. */
  bodyMeets?: boolean;
}

/** Everything the detector needs about one sentence. */
export interface SentenceFacts {
  sentence: Sentence;
  gaz: GazMention[];
  people: PersonMention[];
  dates: DateMention[];
}
