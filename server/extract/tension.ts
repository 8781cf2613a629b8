/**
 * Tension signals from a weighted lexicon (lexicon.json), Goldstein-style: positive
 * weights escalate, negative ones de-escalate. A negated phrase ("doesn't expect any
 * breakthroughs", "not planning an invasion") is no signal; a hedged one ("could
 * invade") counts half. Signals are attributed to the actor pair the sentence shows.
 */
import type { TensionSignal } from '../../shared/extraction.js';
import { NEGATION } from './cues.js';
import type { GazMention } from './entities.js';
import lexicon from './lexicon.json' with { type: 'json' };
import type { PersonMention } from './people.js';
import type { Sentence } from './sentences.js';

interface Entry {
  weight: number;
  category: string;
}

const ENTRIES: Entry[] = lexicon.entries.map((e) => ({ weight: e.weight, category: e.category }));
// One pass per sentence: every entry is a numbered group of a single alternation (earlier entries win ties).
const ALL = new RegExp(
  `(?<![A-Za-z\u00C0-\u024F])(?:${lexicon.entries.map((e) => `(${e.pattern.replace(/\((?!\?)/g, '(?:')})`).join('|')})`,
  'gi',
);
const HEDGE_BEFORE =
  /\b(?:could|might|may|would|possible|possibility|potential|if|whether|fears?|risk of)\b[^.,;]{0,40}$/i; // applied to a 60-char tail only
const CLAUSE_START = /[,;:]\s|\b(?:but|and|while|whereas|as|that)\s/gi;

/** Finds tension signals in every sentence; `delta` is their weight sum (rounded to 2 decimals). */
export function findTension(
  text: string,
  sentences: Sentence[],
  gazBySentence: GazMention[][],
  people: PersonMention[],
  affiliation: Map<string, string>,
): { delta: number; signals: TensionSignal[] } {
  const signals: TensionSignal[] = [];
  for (const s of sentences) {
    const actorsAt = actorPositions(s, gazBySentence[s.index], people, affiliation);
    ALL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ALL.exec(s.text)) !== null) {
      if (m[0].length === 0) {
        ALL.lastIndex++;
        continue;
      }
      const e = ENTRIES[matchedGroup(m)];
      if (!e) continue;
      const a = m.index;
      const b = a + m[0].length;
      const before = clauseTail(s.text.slice(Math.max(0, a - 60), a));
      if (negated(before)) continue;
      const hedged = HEDGE_BEFORE.test(before);
      const signal: TensionSignal = {
        phrase: m[0],
        weight: hedged ? e.weight / 2 : e.weight,
        category: e.category,
        evidence: { text: text.slice(s.start + a, s.start + b), start: s.start + a, end: s.start + b },
      };
      const pair = nearestPair(actorsAt, s.start + a);
      if (pair) signal.actors = pair;
      signals.push(signal);
    }
  }
  signals.sort((x, y) => x.evidence.start - y.evidence.start);
  const delta = Math.round(signals.reduce((sum, x) => sum + x.weight, 0) * 100) / 100;
  return { delta: Number.isFinite(delta) ? delta : 0, signals };
}

/** The index of the first entry whose group matched (-1 if none), without copying the match's groups. */
function matchedGroup(m: RegExpExecArray): number {
  for (let k = 1; k < m.length; k++) if (m[k] !== undefined) return k - 1;
  return -1;
}

function clauseTail(s: string): string {
  let cut = 0;
  CLAUSE_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_START.exec(s)) !== null) cut = m.index + m[0].length;
  return s.slice(cut);
}

/** A negation within the last few words of the clause before the phrase. */
function negated(before: string): boolean {
  NEGATION.lastIndex = 0;
  return NEGATION.test(lastWords(before, 6));
}

/**
 * `before.split(/\s+/).slice(-n).join(' ')`: when single spaces are the only whitespace (nearly
 * always), that is the text after the n-th space from the end, found without building arrays.
 */
function lastWords(before: string, n: number): string {
  if (OTHER_SPACE.test(before)) return before.split(/\s+/).slice(-n).join(' ');
  let at = before.length;
  for (let k = 0; k < n; k++) {
    if (at === 0) return before;
    at = before.lastIndexOf(' ', at - 1);
    if (at < 0) return before;
  }
  return before.slice(at + 1);
}
const OTHER_SPACE = /[^\S ]| {2}/;

function actorPositions(
  s: Sentence,
  gaz: GazMention[],
  people: PersonMention[],
  affiliation: Map<string, string>,
): { at: number; actor: string }[] {
  const out: { at: number; actor: string }[] = [];
  for (const g of gaz) if (g.actor && !g.locative) out.push({ at: g.start, actor: g.actor });
  for (const p of people) {
    if (p.start < s.start || p.end > s.end) continue;
    const a = affiliation.get(p.person.name);
    if (a) out.push({ at: p.start, actor: a });
  }
  return out;
}

/** The two distinct actors nearest to a position, sorted; undefined when the sentence shows fewer. */
function nearestPair(actors: { at: number; actor: string }[], pos: number): string[] | undefined {
  // What a stable sort by distance would put first, then first with another actor: two passes, no sort.
  const first = nearest(actors, pos, undefined);
  const second = first && nearest(actors, pos, first.actor);
  return second ? [first.actor, second.actor].sort() : undefined;
}

/** The nearest actor to `pos` (the earliest of equally near ones), skipping `other`. */
function nearest(
  actors: { at: number; actor: string }[],
  pos: number,
  other: string | undefined,
): { at: number; actor: string } | undefined {
  let best: { at: number; actor: string } | undefined;
  let bestDistance = Infinity;
  for (const a of actors) {
    const d = Math.abs(a.at - pos);
    if (a.actor !== other && d < bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  return best;
}
