/**
 * Step 4b of a meeting: the day of a statement's occasion. "Blinken said Thursday ... Blinken
 * said at a news conference with Austin": the news conference is where the statement was made,
 * on the statement's day. "During a Security Council meeting, Wood asked ...": the same, the
 * day the report's statements were made. Only a meeting with no day of its own takes it.
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import type { Sentence } from '../text/sentences.js';
import type { Trigger } from './types.js';

const REPORTING = new Set(terms.reportingVerbs);
const OCCASION_BEFORE = new Set(terms.occasionBefore);
const OCCASION_VERBS = new Set(terms.occasionVerbs);

/** The day a statement of sentence `s` was made ("said Thursday", "said on Monday"), or null. */
export function statementDay(doc: Doc, s: Sentence): string | null {
  const { tokens } = doc;
  for (const d of doc.dates[s.index]) {
    if (d.precision !== 'day' || !d.date) continue;
    const k = tokens[d.i - 1]?.lower === 'on' ? d.i - 2 : d.i - 1;
    if (k >= s.t0 && REPORTING.has(tokens[k].lower)) return d.date;
  }
  return null;
}

/**
 * Whether trigger `t` names where a statement of its sentence was made: "said at a news
 * conference with ...", "during a Council meeting, ... asked": a preposition of occasion a few
 * words before the trigger, and a verb of speaking in the sentence.
 */
export function statementOccasion(doc: Doc, s: Sentence, t: Trigger): boolean {
  const { tokens } = doc;
  let at = false;
  for (let k = Math.max(s.t0, t.i - 6); k < t.i; k++) if (OCCASION_BEFORE.has(tokens[k].lower)) at = true;
  if (!at) return false;
  for (let k = s.t0; k < s.t1; k++) if (OCCASION_VERBS.has(tokens[k].lower)) return true;
  return false;
}
