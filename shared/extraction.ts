/**
 * The Extraction shape: what extract() finds in one report.
 * Shared by server (producer), client (highlighting) and eval (scoring).
 */
import { z } from 'zod';
import { verificationStatuses } from './verificationStatus.js';

/** A span of the report's text; offsets are UTF-16 code-unit indexes into report.text. */
export const evidenceSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const troopQualifiers = ['exact', 'about', 'more than', 'at least', 'up to', 'fewer than'] as const;
export const troopMentionSchema = z.object({
  value: z.number().finite().nonnegative(),
  low: z.number().finite().nonnegative().optional(),
  high: z.number().finite().nonnegative().optional(),
  qualifier: z.enum(troopQualifiers),
  actor: z.string().optional(),
  location: z.string().optional(),
  claimedBy: z.string().optional(),
  hypothetical: z.boolean(),
  evidence: evidenceSchema,
  /** Set by the worker from the desk's verdicts (absent: unverified), never by extraction. */
  verification: z.enum(verificationStatuses).optional(),
});
export type TroopMention = z.infer<typeof troopMentionSchema>;

export const meetingKinds = ['in-person', 'call', 'video', 'multilateral'] as const;
export const meetingStatuses = ['proposed', 'scheduled', 'held', 'cancelled'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export type MeetingStatus = (typeof meetingStatuses)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const meetingMentionSchema = z.object({
  participants: z.array(z.string()),
  place: z.string().nullable(),
  date: isoDate.nullable(),
  dateText: z.string().optional(),
  kind: z.enum(meetingKinds),
  status: z.enum(meetingStatuses),
  evidence: evidenceSchema,
  /** Set by the worker from the desk's verdicts (absent: unverified), never by extraction. */
  verification: z.enum(verificationStatuses).optional(),
});
export type MeetingMention = z.infer<typeof meetingMentionSchema>;

export const tensionSignalSchema = z.object({
  phrase: z.string(),
  /** > 0 escalates, < 0 de-escalates. */
  weight: z.number().finite(),
  category: z.string(),
  /** The actor pair the signal is attributed to, when the text shows one (sorted, e.g. ["Russia","Ukraine"]). */
  actors: z.array(z.string()).optional(),
  evidence: evidenceSchema,
});
export type TensionSignal = z.infer<typeof tensionSignalSchema>;

export const extractionSchema = z.object({
  troops: z.array(troopMentionSchema),
  meetings: z.array(meetingMentionSchema),
  tension: z.object({ delta: z.number().finite(), signals: z.array(tensionSignalSchema) }),
  entities: z.object({
    people: z.array(z.string()),
    places: z.array(z.string()),
    organizations: z.array(z.string()),
  }),
});
export type Extraction = z.infer<typeof extractionSchema>;

/** An extraction with nothing in it: what a report yields when the text states nothing we look for. */
export function emptyExtraction(): Extraction {
  return {
    troops: [],
    meetings: [],
    tension: { delta: 0, signals: [] },
    entities: { people: [], places: [], organizations: [] },
  };
}
