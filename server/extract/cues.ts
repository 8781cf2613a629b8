/**
 * Compiled grammatical cues from cues.json: tense, modality, negation.
 * Regexes are built once at module load so extract() never compiles one.
 */
import cues from './cues.json' with { type: 'json' };

function alternation(words: readonly string[]): string {
  // Longer phrases first so "will be" wins over "will".
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

function wordRegex(words: readonly string[], flags = 'gi'): RegExp {
  return new RegExp(`(?<![\\w'’])(?:${alternation(words)})(?![\\w])`, flags);
}

export const FUTURE = wordRegex(cues.future);
export const PAST = wordRegex(cues.past);
export const PROPOSED = wordRegex(cues.proposed);
export const CANCELLED = wordRegex(cues.cancelled);
export const NEGATION = wordRegex(cues.negation.map((w) => (w === "n't" ? "n[’']t" : w)));
export const HEDGE = wordRegex(cues.hedge.map((w) => w.replace(/'/g, "[’']")));
export const HYPOTHETICAL = wordRegex(cues.hypothetical);
export const ACQUISITION = wordRegex(cues.acquisition.map((w) => `${w}(?:s|es|ed|ing)?`));

/** Tense of a position: 'future', 'past' or null when nothing nearby says. */
export type Tense = 'future' | 'past' | null;

/** A tense cue found in a text. */
export interface TenseHit {
  at: number;
  end: number;
  tense: 'future' | 'past';
}

function hits(text: string): TenseHit[] {
  const out: TenseHit[] = [];
  for (const [re, tense] of [
    [FUTURE, 'future'],
    [PAST, 'past'],
  ] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ at: m.index, end: m.index + m[0].length, tense });
  }
  return out;
}

/**
 * The tense that governs `[from, to)` of `text` (a clause): the nearest cue before it
 * within `backChars`, else the nearest after it within `fwdChars`. Overlapping cues
 * ("set out to meet": past "set out" starts first) resolve to the one starting first.
 */
export function tenseAround(
  text: string,
  from: number,
  to: number,
  backChars = 90,
  fwdChars = 70,
  cache?: Map<string, TenseHit[]>,
): Tense {
  let all = cache?.get(text);
  if (!all) {
    all = hits(text);
    cache?.set(text, all);
  }
  let best: TenseHit | null = null;
  for (const h of all) {
    if (h.end > from || from - h.end > backChars) continue;
    if (best === null || h.end > best.end || (h.end === best.end && h.at < best.at)) best = h;
  }
  if (best) return best.tense;
  for (const h of all) {
    if (h.at < to || h.at - to > fwdChars) continue;
    if (best === null || h.at < best.at) best = h;
  }
  return best ? best.tense : null;
}

/** True when `re` matches anywhere in `text`. */
export function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}
