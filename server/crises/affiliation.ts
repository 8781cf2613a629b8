/**
 * Whose side a person named in a report is on, read from how the report introduces them: the
 * nearest nationality or country standing before their name in the same clause, across titles
 * and first names ("Russian Foreign Minister Sergey Lavrov", "Ukraine's top negotiator, Defense
 * Minister Rustem Umerov"). The extraction knows these affiliations but does not export them.
 *
 * Bounded: a name's surname is looked up once per word of the text, and from each of its first
 * MAX_OCCURRENCES occurrences at most LOOK_BACK words are read backwards.
 */
import { isCapitalised, gapAfter, type Words } from './words.js';
import { wordKey } from './phrases.js';

/** How many words before a surname may hold the nationality. */
const LOOK_BACK = 8;
/** More lower-case words than this between nationality and name: a different clause. */
const MAX_LOWER = 3;
const MAX_OCCURRENCES = 20;
/** A clause ends at one of these (a comma does not: "Ukraine's negotiator, Rustem Umerov"). */
const BREAK = /[.!?;:()[\]"“”\n]/;
const ACRONYM_DOT = /^\.\s*$/;

/**
 * The actor each person stands for. `actorEndingAt` maps a word index to the actor named by the
 * phrase that ends on that word; `people` are names as the extraction gives them.
 */
export function affiliations(
  w: Words,
  actorEndingAt: ReadonlyMap<number, string>,
  people: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (people.length === 0 || actorEndingAt.size === 0) return out;
  const bySurname = new Map<string, string[]>();
  for (const p of people) {
    const parts = p.split(/[\s\u00a0]+/).filter((x) => /\p{L}/u.test(x));
    if (parts.length === 0) continue;
    const key = wordKey(parts[parts.length - 1].replace(/[^\p{L}\p{M}\p{N}]+/gu, ''));
    if (!key) continue;
    const list = bySurname.get(key) ?? [];
    list.push(p);
    bySurname.set(key, list);
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < w.keys.length; i++) {
    const named = bySurname.get(w.keys[i]);
    if (!named || !isCapitalised(w, i)) continue;
    const count = (seen.get(w.keys[i]) ?? 0) + 1;
    seen.set(w.keys[i], count);
    if (count > MAX_OCCURRENCES) continue;
    const actor = actorBefore(w, actorEndingAt, i);
    if (actor) for (const p of named) if (!out.has(p)) out.set(p, actor);
  }
  return out;
}

function actorBefore(w: Words, actorEndingAt: ReadonlyMap<number, string>, at: number): string | undefined {
  let lower = 0;
  for (let j = at - 1; j >= 0 && at - j <= LOOK_BACK; j--) {
    const gap = gapAfter(w, j);
    const acronym = w.ends[j] - w.starts[j] === 1 && ACRONYM_DOT.test(gap); // "U.S. Secretary"
    if (BREAK.test(gap) && !acronym) return undefined;
    const actor = actorEndingAt.get(j);
    if (actor) return actor;
    if (!isCapitalised(w, j) && ++lower > MAX_LOWER) return undefined;
  }
  return undefined;
}
