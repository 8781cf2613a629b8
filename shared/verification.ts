/**
 * Verification on the desk: the verdict a journalist gives a report or one of its extracted
 * facts (a troop figure, a meeting), who is checking it, and whether an editor locked it.
 * Request schemas are shared so the desk's menus and the server validate the same way.
 */
import { z } from 'zod';
import { usernameSchema } from './username.js';

import { verificationStatuses, type VerificationStatus } from './verificationStatus.js';

export { verificationStatuses, type VerificationStatus };

/** Statuses that still need someone's work: what "My queue" lists. */
export const openVerificationStatuses: readonly VerificationStatus[] = ['unverified', 'in-progress'];

/** The kinds of extracted fact that can be verified one by one (arrays of the extraction). */
export const factKinds = ['troops', 'meetings'] as const;
export type FactKind = (typeof factKinds)[number];

/** A fact of a report: its kind and its index into the machine's ORIGINAL extraction (as corrections use). */
export type FactRef = { kind: FactKind; index: number };

/** `troops:0`: how a fact's verdict is keyed inside the report's verification. */
export const factKey = (fact: FactRef): string => `${fact.kind}:${fact.index}`;

/**
 * A verdict. `assignee`, `by` and `note` name and quote journalists: sent to signed-in users
 * only, never to tokens (wall screens, scripts).
 */
export type Verdict = {
  status: VerificationStatus;
  /** Who is checking it (a username), null when nobody is. */
  assignee: string | null;
  /** Who gave the verdict, and when (null while it was never set). */
  by: string | null;
  at: string | null;
  /** Locked by an editor: only editors and admins may change it. */
  locked?: boolean;
  note?: string;
};

/** A report's verification: its own verdict and, by factKey, those of its facts. */
export type ReportVerification = Verdict & { facts?: Record<string, Verdict> };

export const unverified = (): Verdict => ({ status: 'unverified', assignee: null, by: null, at: null });

export const verificationInputSchema = z.object({
  status: z.enum(verificationStatuses, { error: `status must be one of ${verificationStatuses.join(', ')}` }),
  /** A username to give it to, null to take it from whoever has it; absent: keep the assignee. */
  assignee: usernameSchema.nullable().optional(),
  note: z.string().trim().max(1000, 'note must be at most 1000 characters').optional(),
  /** Editors and admins only. Absent: keep the lock as it is. */
  locked: z.boolean({ error: 'locked must be true or false' }).optional(),
});
export type VerificationInput = z.infer<typeof verificationInputSchema>;

/** One entry of a user's queue: a report, or one fact of it, assigned to them and still open. */
export type QueueItem = {
  reportId: string;
  fact: FactRef | null;
  verdict: Verdict;
  title?: string;
  excerpt: string;
  receivedAt: string;
};
