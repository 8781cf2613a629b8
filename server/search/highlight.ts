/**
 * What matched, as data: character ranges of the query's words, phrases and names in a report's
 * title and text, and a few snippets of the text around them. Linear in the text (at most
 * MAX_REPORT_CHARS), with caps on the marks kept.
 */
import type { MarkRange, SearchHighlights, Snippet } from '../../shared/search.js';
import { containsRun, type ParsedQuery } from './query.js';
import { wordSpans, wordsOf } from './words.js';

/** Marks kept of a text: enough for the snippets shown (each holds at most ~40 words). */
const MAX_MARKS = 60;
const SNIPPETS = 3;
/** Characters of context a snippet shows before its first mark (and about three times after). */
const CONTEXT_CHARS = 60;
const SNIPPET_CHARS = 240;

/** The runs a report is searched for: phrases and names as they are, single words alone. */
function runsOf(query: ParsedQuery): string[][] {
  const inRuns = new Set([...query.phrases, ...query.people, ...query.places].flat());
  return [
    ...query.phrases,
    ...query.people,
    ...query.places,
    ...query.words.filter((w) => !inRuns.has(w)).map((w) => [w]),
  ];
}

/**
 * Ranges of the text where one of the runs stands, in order, not overlapping; the text is read
 * only as far as the first `maxMarks` (words are split as they are needed).
 */
export function markRanges(text: string, query: ParsedQuery, maxMarks = MAX_MARKS): MarkRange[] {
  const runs = runsOf(query);
  const firstWords = new Set(runs.map((r) => r[0]));
  const longestRun = Math.max(...runs.map((r) => r.length));
  const reader = wordSpans(text);
  const spans: { word: string; start: number; end: number }[] = [];
  let ended = false;
  const readTo = (index: number) => {
    while (!ended && spans.length <= index) {
      const next = reader.next();
      if (next.done) ended = true;
      else spans.push(next.value);
    }
  };
  const marks: MarkRange[] = [];
  for (let i = 0; marks.length < maxMarks; i++) {
    readTo(i + longestRun - 1);
    if (i >= spans.length) break;
    if (!firstWords.has(spans[i].word)) continue;
    let longest = 0;
    for (const run of runs) {
      if (run.length <= longest || run[0] !== spans[i].word) continue;
      let j = 1;
      while (j < run.length && spans[i + j]?.word === run[j]) j++;
      if (j === run.length) longest = run.length;
    }
    if (longest === 0) continue;
    marks.push([spans[i].start, spans[i + longest - 1].end]);
    i += longest - 1;
  }
  return marks;
}

/** Whether the title or the text holds every phrase of the query (each on its own in one of them). */
export function holdsPhrases(title: string, text: string, query: ParsedQuery): boolean {
  if (query.phrases.length === 0) return true;
  const inTitle = wordsOf(title);
  const inText = wordsOf(text);
  return query.phrases.every((p) => containsRun(inTitle, p) || containsRun(inText, p));
}

function snippetsOf(text: string, marks: MarkRange[]): Snippet[] {
  const out: Snippet[] = [];
  let i = 0;
  while (i < marks.length && out.length < SNIPPETS) {
    const start = Math.max(0, marks[i][0] - CONTEXT_CHARS);
    // Start after a space when the window cuts a word.
    const space = start === 0 ? -1 : text.lastIndexOf(' ', marks[i][0]);
    const at = start === 0 ? 0 : space >= start ? space + 1 : start;
    const end = Math.min(text.length, at + SNIPPET_CHARS);
    const inside: MarkRange[] = [];
    while (i < marks.length && marks[i][1] <= end) {
      inside.push([marks[i][0] - at, marks[i][1] - at]);
      i++;
    }
    // A mark longer than the window is shown cut.
    if (inside.length === 0) {
      inside.push([marks[i][0] - at, end - at]);
      i++;
    }
    out.push({ text: text.slice(at, end), marks: inside, at });
  }
  return out;
}

export function highlightsOf(title: string | undefined, text: string, query: ParsedQuery): SearchHighlights {
  const titleMarks = title ? markRanges(title, query) : [];
  return {
    ...(title && titleMarks.length > 0 ? { title: { text: title, marks: titleMarks, at: 0 } } : {}),
    snippets: snippetsOf(text, markRanges(text, query)),
  };
}
