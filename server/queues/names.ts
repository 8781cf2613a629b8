/** Queue names and job payloads: the only vocabulary producers and workers share. */
export const INGEST_QUEUE = 'ingest';
export const DELIVER_QUEUE = 'deliver';
export const FEEDS_QUEUE = 'feeds';
export const CRISES_QUEUE = 'crises';

/** An ingest job carries only the report id; the report itself is already in Redis. jobId = report id. */
export type IngestJob = { reportId: string };
