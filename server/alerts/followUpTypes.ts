/** The vocabulary of follow-ups: what changed a fact, and the follow-up one delivered alert gets. */
import type { AlertChannelType } from '../../shared/alerts.js';
import type { AlertFact, FactChange } from './facts.js';

/**
 * Why facts changed. `id` names this one cause among the report's causes for good: with the
 * report id it makes the follow-ups' keys, so the same cause announced again (a retried job, a
 * restarted worker, a second worker) sends nothing twice. A correction: `c<n>`, n its position in
 * the report's corrections; a verdict: anything unique per verdict on the report (e.g.
 * `v-troop-2-<audit position>`). Letters, digits, '.' and '-' (others become '.').
 */
export type FactChangeCause = { type: 'correction' | 'verification'; id: string; by?: string; note?: string };

/** What `announceFactChanges` takes: one report's facts changed, and why. */
export type FactChangeEvent = { reportId: string; cause: FactChangeCause; changes: FactChange[] };

/**
 * A fact a delivered alert rested on. In a digest, `item` is the title of the grouped alert that
 * rested on it: the digest's key is what the subscriber can match, the item is what they read.
 */
export type SentFact = AlertFact & { item?: string };

/** A delivered alert as remembered for its follow-ups (storage/sentAlertStore.ts). */
export type SentAlertRecord = {
  /** Its Idempotency-Key (a digest's key for alerts grouped into one). */
  key: string;
  subscriptionId: string;
  channel: AlertChannelType;
  title: string;
  /** The e-mail's Message-ID, which a follow-up replies to. */
  messageId?: string;
  /** When it was delivered (ISO). */
  at: string;
  crisis: string | null;
  facts: SentFact[];
};

/** What a follow-up says, on every channel. */
export type FollowUp = {
  /** The Idempotency-Key of the alert it corrects. */
  corrects: string;
  originalTitle: string;
  /** When the alert it corrects was a digest: the title of the grouped alert whose fact changed. */
  item?: string;
  /** The original e-mail's Message-ID (In-Reply-To, References). */
  messageId?: string;
  fact: { kind: AlertFact['kind']; reportId: string; meetingId?: string };
  before: unknown;
  /** null: the fact is gone from the wall. */
  after: unknown;
  cause: FactChangeCause;
  crisis: string | null;
};
