/**
 * Journalists' corrections to one report's extraction, kept beside the report and
 * re-applied (server/state applyCorrections) every time the report is folded, so the
 * state stays a pure function of reports plus corrections.
 *
 * `index` always refers to the ORIGINAL extraction's array (troops or meetings), so
 * corrections stay valid however many there are. For optional text fields and troop
 * low/high, `null` clears the field. Because `kind` is the discriminator, a meeting's
 * kind is corrected with `meetingKind`.
 */
import { z } from 'zod';
import {
  evidenceSchema,
  meetingKinds,
  meetingMentionSchema,
  meetingStatuses,
  troopMentionSchema,
  troopQualifiers,
} from './extraction.js';

const index = z.number().int().nonnegative();
const figure = z.number().finite().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const troopSetSchema = z.object({
  kind: z.literal('troop.set'),
  index,
  value: figure.optional(),
  low: figure.nullable().optional(),
  high: figure.nullable().optional(),
  qualifier: z.enum(troopQualifiers).optional(),
  actor: z.string().nullable().optional(),
  location: z.string().nullable().optional(),
  claimedBy: z.string().nullable().optional(),
  hypothetical: z.boolean().optional(),
});

export const troopRejectSchema = z.object({ kind: z.literal('troop.reject'), index });

export const troopAddSchema = z.object({
  kind: z.literal('troop.add'),
  troop: troopMentionSchema.omit({ verification: true }).extend({ evidence: evidenceSchema.optional() }),
});

export const meetingSetSchema = z.object({
  kind: z.literal('meeting.set'),
  index,
  date: isoDate.nullable().optional(),
  place: z.string().nullable().optional(),
  status: z.enum(meetingStatuses).optional(),
  meetingKind: z.enum(meetingKinds).optional(),
  participants: z.array(z.string()).optional(),
});

export const meetingRejectSchema = z.object({ kind: z.literal('meeting.reject'), index });

export const meetingAddSchema = z.object({
  kind: z.literal('meeting.add'),
  meeting: meetingMentionSchema.omit({ verification: true }).extend({ evidence: evidenceSchema.optional() }),
});

/** One correction; validate what the desk sends with this schema. */
export const correctionSchema = z.discriminatedUnion('kind', [
  troopSetSchema,
  troopRejectSchema,
  troopAddSchema,
  meetingSetSchema,
  meetingRejectSchema,
  meetingAddSchema,
]);
export type Correction = z.infer<typeof correctionSchema>;
export type CorrectionKind = Correction['kind'];

/** The corrections of one report, in the order they were made (later ones win). */
export const correctionListSchema = z.array(correctionSchema).max(1000);
