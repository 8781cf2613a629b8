/** Feeds (RSS 2.0 / Atom) polled for new reports: POST /api/feeds and what editors see of them. */
import { z } from 'zod';

/** Longest poll interval an editor may set (a day). The shortest comes from FEED_MIN_INTERVAL_SECONDS. */
export const MAX_FEED_INTERVAL_SECONDS = 86_400;
/** Interval used when POST /api/feeds gives none (raised to the configured minimum if that is higher). */
export const DEFAULT_FEED_INTERVAL_SECONDS = 300;

export const feedInputSchema = z.object({
  url: z
    .string({ error: 'url is required: the address of an RSS or Atom feed' })
    .max(2000, 'url must be at most 2000 characters')
    .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'url must be an http or https URL'),
  intervalSeconds: z
    .number({ error: 'intervalSeconds must be a number of seconds' })
    .int('intervalSeconds must be a whole number of seconds')
    .max(MAX_FEED_INTERVAL_SECONDS, `intervalSeconds must be at most ${MAX_FEED_INTERVAL_SECONDS} (a day)`)
    .optional(),
});
export type FeedInput = z.infer<typeof feedInputSchema>;

/** A feed as editors see it (GET /api/feeds, the /feeds page). */
export type Feed = {
  id: string;
  url: string;
  intervalSeconds: number;
  createdAt: string;
  createdBy: string;
  /** When the last poll ended (successful or not). */
  lastPollAt?: string;
  lastSuccessAt?: string;
  /** Why the last poll failed; absent once a poll succeeds again. */
  lastError?: string;
  /** Failed polls in a row; polls are skipped with exponential backoff while it is above zero. */
  consecutiveFailures: number;
  /** While backing off: no poll before this time. */
  nextPollAfter?: string;
  /** Items taken from this feed so far (each became a report, or was already one). */
  itemCount: number;
  /** New items taken by the last successful poll (0 after a 304 Not Modified). */
  lastNewItems?: number;
};
