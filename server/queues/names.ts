/** Queue names and job payloads: the only vocabulary producers and workers share. */
import type { Withdrawn } from '../alerts/verdictFacts.js';

export const INGEST_QUEUE = 'ingest';
export const DELIVER_QUEUE = 'deliver';
export const FEEDS_QUEUE = 'feeds';
export const CRISES_QUEUE = 'crises';

/**
 * An ingest job carries only the report id; the report itself is already in Redis. jobId = report
 * id. A re-fold after a journalist's correction also says which one (its 1-based position in the
 * report's corrections), so the worker can announce what it changed to the alerts (followUps.ts).
 */
export type IngestJob = {
  reportId: string;
  correction?: number;
  /**
   * A re-fold after a verdict: its number (the report's audit length after it) and, when it judged
   * facts or the report false, what it took off the wall (server/alerts/verdictFacts.ts), by whom.
   */
  verdict?: { n: number; by: string; withdrawn?: Withdrawn };
};
