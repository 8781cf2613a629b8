/** Reports as they come in (POST /api/reports) and as they are read back. */
import { z } from 'zod';
import type { CrisisAssignment, CrisisOverride } from './crisis.js';
import type { Extraction } from './extraction.js';
import type { ReportVerification } from './verification.js';

export const MAX_REPORT_CHARS = 100_000;

/** `YYYY-MM-DD` or an ISO 8601 date-time. */
export const datelineSchema = z
  .string()
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}$/.test(s)
        ? !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
        : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s) &&
          !Number.isNaN(Date.parse(s)),
    'dateline must be YYYY-MM-DD or an ISO 8601 date-time, e.g. 2022-01-19 or 2022-01-19T08:30:00Z',
  );

export const reportInputSchema = z.object({
  text: z
    .string({ error: 'text is required and must be a string' })
    .refine((s) => s.trim().length > 0, 'text must not be empty')
    .refine((s) => s.length <= MAX_REPORT_CHARS, `text must be at most ${MAX_REPORT_CHARS} characters`),
  dateline: datelineSchema.optional(),
  title: z.string().max(500).optional(),
  source: z.string().max(200).optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'url must be an http or https URL' })
    .max(2000)
    .optional(),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** A report's id: the hex digest of its normalised text (what makes a resend a duplicate). */
export const reportIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a report id is 32 hexadecimal characters');

export const reportStatuses = ['queued', 'processing', 'done', 'failed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const flagKinds = ['breaking', 'verified', 'disputed', 'follow-up'] as const;
export type FlagKind = (typeof flagKinds)[number];
/**
 * A flag on a report. `by` and `note` name and quote journalists: they are sent to signed-in
 * users only, never to tokens (wall screens, scripts).
 */
export type Flag = { flag: FlagKind; note?: string; by?: string; at: string };

/** A report as stored: the input, normalised, with its id and when it arrived. */
export type Report = {
  id: string;
  text: string;
  /** The dateline as given (or the arrival date), ISO date or date-time. */
  dateline: string;
  title?: string;
  source?: string;
  url?: string;
  receivedAt: string;
  /** Extra fields kept from richer formats (e.g. IPTC ninjs). */
  meta?: Record<string, unknown>;
};

/** What feeds and lists show of a report. */
export type ReportSummary = {
  id: string;
  title?: string;
  source?: string;
  url?: string;
  dateline: string;
  receivedAt: string;
  status: ReportStatus;
  excerpt: string;
  flags: Flag[];
  /** Its verdict and its facts' (absent: never judged, i.e. unverified). */
  verification?: ReportVerification;
  /** The crises it belongs to, and why (absent until the report is first folded). */
  crises?: CrisisAssignment[];
};

export type ReportDetail = {
  id: string;
  status: ReportStatus;
  report: Report;
  extraction?: Extraction;
  flags: Flag[];
  /** Its verdict and its facts' (the server always sends it: unverified by default). */
  verification?: ReportVerification;
  /** The crises it belongs to, and why (empty: in no crisis; absent until the report is first folded). */
  crises?: CrisisAssignment[];
  /** Journalists' assignments to crises and removals from them, by slug, which hold over the rules. */
  overrides?: Record<string, CrisisOverride>;
  error?: string;
};
