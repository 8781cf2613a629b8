/**
 * The journalists' desk: accounts, sessions, flags, corrections and the audit trail.
 * Request schemas are shared so the desk's forms and the server validate the same way.
 */
import { z } from 'zod';
import { correctionSchema } from './corrections.js';
import { flagKinds } from './report.js';
import type { AccountRole, IssuedTokenRole } from './roles.js';
import { usernameSchema } from './username.js';

/**
 * Names the app gives its tokens ("display", "ingest-token-1", "token:NAME"): no account may take
 * one, so nothing keyed by a name (rooms, limits, audit) can mix a person up with a token.
 */
export function isReservedUsername(name: string): boolean {
  return /^(display|ingest|ingest-token-\d+|token|system|bootstrap|rule|journalist)$/.test(name);
}

export { usernameSchema };

export const passwordSchema = z
  .string({ error: 'password is required' })
  .min(10, 'password must be at least 10 characters')
  .max(200, 'password must be at most 200 characters');

export const loginSchema = z.object({
  username: usernameSchema,
  // Any length is accepted at login (a wrong one simply fails); only the upper bound protects argon2.
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

export type SessionUser = { username: string; role: AccountRole };

export const flagInputSchema = z.object({
  flag: z.enum(flagKinds, { error: `flag must be one of ${flagKinds.join(', ')}` }),
  note: z.string().trim().max(1000, 'note must be at most 1000 characters').optional(),
});
export type FlagInput = z.infer<typeof flagInputSchema>;

export const correctionInputSchema = z.object({
  correction: correctionSchema,
  note: z.string().trim().max(1000, 'note must be at most 1000 characters').optional(),
});
export type CorrectionInput = z.infer<typeof correctionInputSchema>;

export const auditActions = [
  'flag.set',
  'flag.removed',
  'verification.set',
  'correction.added',
  'user.created',
  'user.updated',
  'user.removed',
  'user.sessions-revoked',
  'token.created',
  'token.revoked',
  'crisis.created',
  'crisis.updated',
  'crisis.removed',
  'report.assigned',
  'report.unassigned',
  'report.rules-restored',
  'source.tier-set',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** One line of the audit trail: who did what to what, when, and the value before and after. */
export type AuditEntry = {
  at: string;
  by: string;
  role: string;
  action: AuditAction;
  /** The report id, username, token id or crisis slug the action was about. */
  target: string;
  before: unknown;
  after: unknown;
  note?: string;
  /** What exactly was asked (e.g. the correction as sent). */
  detail?: unknown;
};

/** An admin-issued bearer token as listed (the secret itself is shown once, at creation). */
export type IssuedToken = { id: string; name: string; role: IssuedTokenRole; createdAt: string; createdBy: string };
