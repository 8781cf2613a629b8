/**
 * Sentence and clause segmentation with offsets into the original text.
 * Everything downstream works on sentences, so the splitter must never lose
 * characters' positions: evidence spans are `text.slice(start, end)`.
 */

/** One sentence of a report; `start`/`end` index the original text. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

// Abbreviations whose trailing period does not end a sentence (lower-cased, without the dot).
const ABBREVIATIONS = new Set([
  'mr',
  'ms',
  'mrs',
  'dr',
  'st',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'capt',
  'prof',
  'no',
  'vs',
  'etc',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'e.g',
  'i.e',
  'd.c',
  'md',
  'va',
  'inc',
  'co',
  'corp',
  'approx',
]);

const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s)|\n/g;

/** Splits text into sentences. Newlines always end a sentence (headlines, captions, datelines). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (m[0] !== '\n' && !endsSentence(text, m.index, end)) continue;
    push(out, text, start, m[0] === '\n' ? m.index : end);
    start = end;
  }
  push(out, text, start, text.length);
  return out;
}

function endsSentence(text: string, dot: number, after: number): boolean {
  if (text[dot] !== '.') return true;
  // The word before the period: "U.S." / "Jan." / "R." (an initial) do not end a sentence,
  // unless the next word starts a new sentence in an obvious way (handled loosely).
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i])) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) {
    // "... in the U.S. The next ..." is rare enough; but a capitalised function word after U.S. is a boundary.
    const next = /^\s+([A-Z][a-z]*)/.exec(text.slice(after, after + 20));
    return word === 'u.s' && next !== null && /^(The|It|He|She|They|But|In|On|A)$/.test(next[1]);
  }
  if (word.length === 1 && /[A-Z]/.test(text[dot - 1])) return false; // initial: "Wendy R. Sherman"
  const next = /^\s*(\S)/.exec(text.slice(after, after + 8));
  return next === null || !/[a-z0-9,;]/.test(next[1]);
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
}

/** A clause boundary inside a sentence: where one fact usually ends and another begins. */
const CLAUSE =
  /;|:\s|\s[-–—]{1,2}\s|,\s+(?=and\s+(?!\p{Lu}))|,\s+(?=(?:but|while|whereas|where|after|before|as|elaborating|adding|saying|although|though|a senior|an official|officials|the official)\b)|\s(?=(?:after|before|while|whereas|when|as fears|because)\s)|\s(?=and,?\s+(?:separately,?\s+|also\s+)?with\s)/gu;

/** Start offsets (relative to the sentence) of its clauses; always begins with 0. */
export function clauseStarts(sentence: string): number[] {
  const starts = [0];
  CLAUSE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE.exec(sentence)) !== null) {
    starts.push(m.index + m[0].length);
    if (m[0].length === 0) CLAUSE.lastIndex++;
  }
  return starts;
}

/** The [start, end) of the clause around a position, relative to the sentence. */
export function clauseAround(starts: number[], length: number, pos: number): [number, number] {
  let s = 0;
  let e = length;
  for (const c of starts) {
    if (c <= pos) s = c;
    else {
      e = c;
      break;
    }
  }
  return [s, e];
}
