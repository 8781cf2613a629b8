/**
 * People named in a report, resolved within the report: "Secretary of State Antony Blinken",
 * later "Blinken", "Mr Blinken", "the Secretary of State"; "his Russian counterpart Sergey
 * Lavrov", later "my Russian counterpart"; "I" inside a quotation, its speaker.
 */
import type { Gazetteer } from '../gazetteer/compile.js';
import type { GazMention } from '../gazetteer/mentions.js';
import type { Sentence } from '../text/sentences.js';
import type { Token } from '../text/tokens.js';
import { isCreditLine, isTitleCase, nameContext, nameRuns, spanText, type NameContext } from './names.js';
import { firstPersonInQuotes } from './quotes.js';
import { roleReferences } from './roles.js';
import type { Person, PersonMention } from './types.js';

export type { Person, PersonMention } from './types.js';

interface Pending {
  i: number;
  j: number;
  word: string;
  ctx: NameContext;
}

const TABLE_VERBS = new Set([
  'meet',
  'meets',
  'met',
  'meeting',
  'talks',
  'talked',
  'spoke',
  'speak',
  'speaks',
  'call',
  'called',
  'host',
  'hosted',
  'hosts',
  'receive',
  'received',
  'welcomed',
  'welcomes',
]);

/** Finds and resolves the people of a report. */
export function findPeople(
  gaz: Gazetteer,
  tokens: Token[],
  sentences: Sentence[],
  gazBySentence: GazMention[][],
  maxMentions: number,
): PersonMention[] {
  const bySurname = new Map<string, Person>();
  const mentions: PersonMention[] = [];
  const pending: Pending[] = [];
  const mention = (i: number, j: number, person: Person): void => {
    if (mentions.length < maxMentions) mentions.push({ i, j, start: tokens[i].start, end: tokens[j - 1].end, person });
  };
  for (const s of sentences) {
    if (isCreditLine(tokens, s)) continue;
    const headline = isTitleCase(tokens, s);
    let after = s.t0;
    let previous: Person | undefined;
    for (const run of nameRuns(gaz, tokens, s, gazBySentence[s.index])) {
      const ctx = nameContext(gaz, tokens, s, run.i, gazBySentence[s.index], after);
      // "Putin's Deputy Chief of Staff Dmitry Kozak": the aide is of his principal's side.
      if (!ctx.affiliation && previous?.affiliation && tokens[after]?.lower === "'s" && run.i - after <= 8)
        ctx.affiliation = previous.affiliation;
      after = run.j;
      previous = undefined;
      if (run.words >= 2 && run.words <= 4 && !headline) {
        const name = spanText(tokens, run.i, run.j);
        const surname = lastWord(name);
        let p = bySurname.get(surname);
        if (!p) {
          p = { name, surname };
          for (const key of surnameKeys(surname)) if (!bySurname.has(key)) bySurname.set(key, p);
        }
        // The fullest spelling, but not one with an initial ("Wendy R. Sherman" stays "Wendy Sherman" if seen so).
        if (name.length > p.name.length && !/\p{Lu}\./u.test(name)) p.name = name;
        p.affiliation ??= ctx.affiliation;
        if (ctx.title?.role !== undefined && !ctx.counterpart) {
          p.title ??= ctx.title.title;
          if (ctx.title.role) p.role ??= ctx.title.role;
        }
        mention(run.i, run.j, p);
        previous = p;
      } else if (run.words === 1) {
        pending.push({ i: run.i, j: run.j, word: spanText(tokens, run.i, run.j), ctx });
      } else if (headline) {
        // A headline's capitals say nothing: only names the report gives elsewhere count.
        for (let k = run.i; k < run.j; k++)
          if (tokens[k].cap)
            pending.push({ i: k, j: k + 1, word: tokens[k].text, ctx: { adjacentTitle: false, counterpart: false } });
      }
    }
  }
  for (const p of pending) resolveSingle(p, tokens, bySurname, mention);
  mentions.sort((a, b) => a.i - b.i);
  const withRoles = mentions.concat(roleReferences(gaz, tokens, sentences, gazBySentence, mentions));
  withRoles.sort((a, b) => a.i - b.i);
  const all = withRoles.concat(firstPersonInQuotes(tokens, sentences, withRoles));
  all.sort((a, b) => a.i - b.i);
  return all;
}

function lastWord(name: string): string {
  const parts = name.split(' ');
  return parts[parts.length - 1];
}

/** "al-Sisi" is also "Sisi"; "Jean-Noël" stays whole. */
function surnameKeys(surname: string): string[] {
  const m = /^(?:al|el|bin|ibn|abu|ben)-(.+)$/i.exec(surname);
  return m ? [surname, m[1]] : [surname];
}

/** A single capitalised word: a known surname, a titled one, one at a meeting's table, or two joined by a hyphen. */
function resolveSingle(
  p: Pending,
  tokens: Token[],
  bySurname: Map<string, Person>,
  mention: (i: number, j: number, person: Person) => void,
): Person | undefined {
  let person = bySurname.get(p.word);
  // "Foreign Minister Wang" after "Wang Yi": a family name written first.
  if (!person && p.ctx.adjacentTitle)
    person = [...bySurname.values()].find((x) => x.name.split(' ').length === 2 && x.name.startsWith(`${p.word} `));
  if (!person && p.word.includes('-')) {
    // "the Macron-Putin call": two people of the report joined by a hyphen.
    const parts = p.word.split('-');
    const known = parts.map((x) => bySurname.get(x));
    if (parts.length === 2 && known[0] && known[1]) {
      mention(p.i, p.i + 1, known[0]);
      mention(p.j - 1, p.j, known[1]);
    }
    return undefined;
  }
  if (!person && p.word.length > 2 && (p.ctx.adjacentTitle || atTable(tokens, p.i))) {
    person = { name: p.word, surname: p.word, affiliation: p.ctx.affiliation };
    if (p.ctx.adjacentTitle && p.ctx.title) {
      person.title = p.ctx.title.title;
      if (p.ctx.title.role) person.role = p.ctx.title.role;
    } else person.bare = true;
    bySurname.set(p.word, person);
  }
  if (!person) return undefined;
  person.affiliation ??= p.ctx.affiliation;
  mention(p.i, p.j, person);
  return person;
}

/** A bare capitalised word in a participant's seat: "between _ and _", "meet _", "talks with _". */
function atTable(tokens: Token[], i: number): boolean {
  if (beforeTable(tokens, i)) return true;
  const prev = tokens[i - 1];
  if (!prev) return false;
  if (TABLE_VERBS.has(prev.lower)) return true;
  if (prev.lower === 'with' && TABLE_VERBS.has(tokens[i - 2]?.lower ?? '')) return true;
  if (prev.lower === 'between') return true;
  if (prev.lower !== 'and') return false;
  for (let k = i - 2; k >= Math.max(0, i - 8); k--) {
    const t = tokens[k];
    if (t.lower === 'between') return true;
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '.') return false;
  }
  return false;
}

const AUXILIARIES = new Set([
  'will',
  'would',
  'to',
  'are',
  'is',
  'have',
  'has',
  'had',
  'also',
  'then',
  'later',
  'both',
]);
const TABLE_AFTER = new Set(['met', 'meet', 'meets', 'held', 'hold', 'holds', 'spoke', 'talked', 'agreed']);

/** "Ruiz and Kral met", "Ruiz will meet": a bare capitalised word as the subject of a verb of meeting. */
function beforeTable(tokens: Token[], i: number): boolean {
  let k = i + 1;
  if (tokens[k]?.lower === 'and' && tokens[k + 1]?.cap) k += 2;
  while (k < i + 6 && AUXILIARIES.has(tokens[k]?.lower ?? '')) k++;
  return TABLE_AFTER.has(tokens[k]?.lower ?? '');
}
