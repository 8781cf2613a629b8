/** What the desk opens when a figure, meeting step or tension driver is clicked. */
import type { Evidence } from '../../../../../shared/extraction.js';

export type Citation = {
  reportId: string;
  /** The span of the report's text it came from (absent for meeting steps folded before it was kept). */
  evidence?: Evidence;
  /** What was clicked, for the reader's heading ("Russia in Ukraine: about 90,000"). */
  what: string;
};

/** One key per clicked thing, to mark the open one. */
export const citationKey = (c: Citation) => `${c.reportId}:${c.evidence?.start ?? ''}:${c.what}`;
