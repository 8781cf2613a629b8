/**
 * Pure: the sentence around a piece of evidence, so the desk can show a figure's whole sentence
 * with the figure inside it. Looks at most MAX_REACH characters either side (linear, capped).
 */

const MAX_REACH = 600;
const ENDS = /[.!?\n]/;

/** [start, end) of the sentence holding text[start, end); the evidence itself when out of range. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = s;
  const floor = Math.max(0, s - MAX_REACH);
  // Back to just after the previous sentence's end ("said. Russia…" starts at "Russia").
  while (from > floor && !(ENDS.test(text[from - 1]) && (from === s || /\s/.test(text[from])))) from--;
  while (from < s && /\s/.test(text[from])) from++;
  let to = e;
  const ceiling = Math.min(text.length, e + MAX_REACH);
  while (to < ceiling && !ENDS.test(text[to])) to++;
  if (to < text.length && text[to] !== '\n') to++; // the full stop belongs to the sentence
  return { start: from, end: Math.max(to, e) };
}

/** The text cut in five: before, sentence before the evidence, evidence, sentence after, after. */
export function provenanceParts(
  text: string,
  start: number,
  end: number,
): { before: string; lead: string; evidence: string; tail: string; after: string } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const sentence = sentenceAround(text, s, e);
  return {
    before: text.slice(0, sentence.start),
    lead: text.slice(sentence.start, s),
    evidence: text.slice(s, e),
    tail: text.slice(e, sentence.end),
    after: text.slice(sentence.end),
  };
}
