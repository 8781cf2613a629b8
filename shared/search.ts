/**
 * Server-side search over every report (GET /api/reports?q=…): the query parameters as the server
 * validates them, and the highlights each result carries (plain data: text and character ranges,
 * never markup, so a client renders them as text).
 */
import { z } from 'zod';
import { crisisSlugSchema } from './crisis.js';
import { flagKinds, type ReportDetail } from './report.js';
import { verificationStatuses } from './verificationStatus.js';

export const MAX_QUERY_CHARS = 500;
/** Most words (phrases' words and people's and places' included) one query may hold. */
export const MAX_QUERY_WORDS = 16;

/** A page cursor: the receivedAt (ms) and id of the last report of the page before. */
export const searchCursorSchema = z
  .string()
  .regex(/^\d{1,15}_[0-9a-f]{32}$/, 'cursor must be the `next` value of a previous page, e.g. 1700000000000_3f…');

const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a real calendar date');

export const reportsQuerySchema = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_CHARS, `q must be at most ${MAX_QUERY_CHARS} characters`)
      .optional()
      .transform((s) => (s?.trim() ? s.trim() : undefined)),
    /** A crisis' slug, or "none" for the reports in no crisis. */
    crisis: z.union([z.literal('none'), crisisSlugSchema]).optional(),
    flag: z
      .enum([...flagKinds, 'none'], { error: `flag must be one of ${[...flagKinds, 'none'].join(', ')}` })
      .optional(),
    verification: z
      .enum(verificationStatuses, {
        error: `verification must be one of ${verificationStatuses.join(', ')}`,
      })
      .optional(),
    source: z.string().trim().min(1, 'source must not be empty').max(200).optional(),
    /** Inclusive bounds on the report's dateline (its day). */
    from: daySchema.optional(),
    to: daySchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: searchCursorSchema.optional(),
    /** The list's older cursor (a receivedAt): pages back from that instant. */
    before: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)), "before must be an ISO date-time (a report's receivedAt)")
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type ReportsQuery = z.infer<typeof reportsQuerySchema>;

/** `[start, end)` character offsets of a match within the text it belongs to. */
export type MarkRange = [start: number, end: number];
/** A piece of a report's text with the matches in it. */
export type Snippet = {
  text: string;
  marks: MarkRange[];
  /** where `text` starts in the whole report text */ at: number;
};
export type SearchHighlights = { title?: Snippet; snippets: Snippet[] };

/** A search result: the report as the list gives it, with what matched. */
export type SearchHit = ReportDetail & { highlights?: SearchHighlights };
export type SearchPage = { reports: SearchHit[]; next: string | null };
