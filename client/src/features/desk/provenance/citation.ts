/** What the desk opens when a figure, meeting step or tension driver is clicked. */
export type Citation = {
  reportId: string;
  /** Where in the report's text it came from (absent for meeting steps folded before it was kept). */
  span?: { start: number; end: number };
  /** What was clicked, for the reader's heading ("Russia in Ukraine: about 90,000"). */
  what: string;
};

/** One key per clicked thing, to mark the open one. */
export const citationKey = (c: Citation) => `${c.reportId}:${c.span?.start ?? ''}:${c.what}`;
