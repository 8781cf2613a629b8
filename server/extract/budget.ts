/**
 * Bounds on one extraction: a time budget checked between steps and inside their loops (a
 * cooperative deadline: the extraction stops itself and says why), and caps on how many
 * mentions of each kind one report may yield.
 */

/** Thrown inside extract() when a report runs past its time budget. */
export class ExtractionBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`extraction exceeded its time budget of ${budgetMs} ms`);
    this.name = 'ExtractionBudgetExceeded';
  }
}

/** Most mentions of each kind kept from one report: a real report has a few dozen at most. */
export const CAPS = {
  people: 2_000,
  roleReferences: 500,
  troops: 200,
  meetingMentions: 300,
  tensionSignals: 400,
  datesPerSentence: 12,
  numbersPerSentence: 40,
} as const;

export interface Budget {
  /** Throws ExtractionBudgetExceeded when the deadline has passed. */
  check(): void;
}

/** A budget of `ms` milliseconds from now; Infinity for none. */
export function budgetOf(ms: number): Budget {
  if (!Number.isFinite(ms)) return { check: () => undefined };
  const deadline = performance.now() + ms;
  return {
    check() {
      if (performance.now() > deadline) throw new ExtractionBudgetExceeded(ms);
    },
  };
}
