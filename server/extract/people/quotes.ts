/**
 * "I" inside a quotation is its speaker: the person named right after the quote ("...," Kuleba
 * said), else, for "he said" or a quote standing alone, the first person named in the nearest
 * sentence before the quote that names anyone.
 */
import type { Sentence } from '../text/sentences.js';
import type { Token } from '../text/tokens.js';
import type { PersonMention } from './types.js';

// Quote marks are punctuation tokens: other tokens are told apart by their kind, without a look-up.
const OPEN = new Set(['“', '"']);
const CLOSE = new Set(['”', '"']);
const isOpen = (t: Token): boolean => t.kind === 'punct' && OPEN.has(t.text);
const isClose = (t: Token): boolean => t.kind === 'punct' && CLOSE.has(t.text);
const SAID = new Set(['said', 'says', 'told', 'added', 'wrote']);
/** Longest quotation looked at, in tokens: an unclosed quote mark never spans the report. */
const MAX_QUOTE = 200;

export function firstPersonInQuotes(tokens: Token[], sentences: Sentence[], named: PersonMention[]): PersonMention[] {
  if (named.length === 0) return [];
  const out: PersonMention[] = [];
  const sentenceOf = (k: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].t0 <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // The next closing mark after each token, found in one backward pass.
  const nextClose = new Int32Array(tokens.length + 1).fill(-1);
  for (let k = tokens.length - 1; k >= 0; k--) nextClose[k] = isClose(tokens[k]) ? k : nextClose[k + 1];
  for (let q = 0; q < tokens.length; q++) {
    if (!isOpen(tokens[q]) || (!tokens[q].space && q > 0 && tokens[q].text === '"')) continue;
    const e = nextClose[q + 1];
    if (e < 0 || e - q > MAX_QUOTE) continue;
    const selves: number[] = [];
    for (let k = q + 1; k < e; k++) if (tokens[k].text === 'I') selves.push(k);
    if (selves.length > 0) {
      const speaker = speakerAfter(tokens, e, named) ?? speakerBefore(tokens, sentences, sentenceOf(q), e, named);
      if (speaker)
        for (const k of selves)
          out.push({ i: k, j: k + 1, start: tokens[k].start, end: tokens[k].end, person: speaker.person });
    }
    q = e;
  }
  return out;
}

/** '..., Kuleba said' / 'said Kuleba': a person named within a few tokens after the quote. */
function speakerAfter(tokens: Token[], e: number, named: PersonMention[]): PersonMention | undefined {
  return named.find((n) => {
    if (n.i <= e || n.i - e > 3) return false;
    for (let k = e + 1; k < n.i; k++) if (tokens[k].text !== ',' && !SAID.has(tokens[k].lower)) return false;
    return true;
  });
}

/** '"...," he said' or a quote alone: the first person named in the nearest earlier sentence that names one. */
function speakerBefore(
  tokens: Token[],
  sentences: Sentence[],
  at: number,
  e: number,
  named: PersonMention[],
): PersonMention | undefined {
  const next = tokens[e + 1]?.text === ',' ? tokens[e + 2] : tokens[e + 1];
  const pronoun =
    next &&
    (next.lower === 'he' || next.lower === 'she') &&
    SAID.has(tokens[e + (tokens[e + 1]?.text === ',' ? 3 : 2)]?.lower ?? '');
  const closedSentence = ['.', '!', '?'].includes(tokens[e - 1]?.text ?? '');
  if (!pronoun && !closedSentence) return undefined;
  for (let k = at - 1; k >= Math.max(0, at - 6); k--) {
    const s = sentences[k];
    const first = named.find((n) => n.i >= s.t0 && n.j <= s.t1);
    if (first) return first;
  }
  return undefined;
}
