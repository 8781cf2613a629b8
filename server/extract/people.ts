/**
 * People named in a report, resolved within the report: "Secretary of State Antony
 * Blinken", later "Blinken", "Mr Blinken", "the Secretary of State", "the secretary";
 * "his Russian counterpart Sergey Lavrov", later "my Russian counterpart".
 * Names are recognised by shape (capitalised words that are not gazetteer or title
 * words), so no list of people is needed.
 */
import type { Gazetteer } from './gazetteer.js';
import type { GazMention } from './entities.js';
import { allMatches } from './matches.js';
import type { Sentence } from './sentences.js';

/** A person of the report: full name as first written in full, nationality and role when stated. */
export interface Person {
  name: string;
  surname: string;
  affiliation?: string;
  title?: string;
  role?: string;
  /** Known only as a bare word at a meeting's table ("between Norland and Sudovia"): a side, perhaps not a person. */
  bare?: boolean;
}

/** A span of the report that refers to a person. */
export interface PersonMention {
  start: number;
  end: number;
  person: Person;
}

const NAME_TOKEN = String.raw`(?:\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*|\p{Lu}\.)`;
const NAME_RUN = new RegExp(`${NAME_TOKEN}(?:[ \\t]+${NAME_TOKEN})*`, 'gu');
const NAME_TOKEN_G = new RegExp(NAME_TOKEN, 'gu');
const TRAILING_RUN =
  /((?:(?:\p{Lu}[\p{L}.'’-]*|of|the|and|for|foreign|secretary|minister|president|counterpart|leader|deputy|chief|state)\s+)*)$/u;

function cleanToken(t: string): string {
  return t.replace(/['’]s?$/, '');
}

/** Reads nationality and title from the words just before a name. */
function context(
  gaz: Gazetteer,
  before: string,
  gazHits: GazMention[],
  nameStart: number,
): { affiliation?: string; title?: string; role?: string } {
  const run = TRAILING_RUN.exec(before)?.[1] ?? '';
  const runStart = nameStart - run.length;
  let affiliation: string | undefined;
  for (const g of gazHits)
    if (g.start >= runStart && g.end <= nameStart && g.actor && !g.organization) affiliation = g.actor;
  let title: string | undefined;
  let role: string | undefined;
  gaz.titleRe.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = gaz.titleRe.exec(run)) !== null) {
    if (!title || m[0].length > title.length) {
      title = m[0];
      role = gaz.roleOfTitle.get(m[0].toLowerCase());
    }
  }
  if (!title && /counterpart\s+$/i.test(run)) role = 'counterpart';
  return { affiliation, title, role: role || undefined };
}

/** Finds and resolves people over the whole report. */
export function findPeople(
  gaz: Gazetteer,
  text: string,
  sentences: Sentence[],
  gazBySentence: GazMention[][],
): PersonMention[] {
  const bySurname = new Map<string, Person>();
  const pending: { start: number; end: number; surname: string; ctx: ReturnType<typeof context>; titled: boolean }[] =
    [];
  const mentions: PersonMention[] = [];
  for (const s of sentences) {
    NAME_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NAME_RUN.exec(s.text)) !== null) {
      // Split the run into sub-runs of tokens that can be part of a name.
      const tokens = allMatches(NAME_TOKEN_G, m[0]);
      let i = 0;
      while (i < tokens.length) {
        if (gaz.nameStop.has(cleanToken(tokens[i][0]).toLowerCase())) {
          i++;
          continue;
        }
        let j = i;
        while (
          j + 1 < tokens.length &&
          !gaz.nameStop.has(cleanToken(tokens[j + 1][0]).toLowerCase()) &&
          !/['’]s?$/.test(tokens[j][0])
        )
          j++;
        const first = tokens[i];
        const last = tokens[j];
        const start = s.start + m.index + (first.index ?? 0);
        const rawEnd = s.start + m.index + (last.index ?? 0) + last[0].length;
        const surname = cleanToken(last[0]);
        const end = rawEnd - (last[0].length - surname.length);
        const ctx = context(gaz, text.slice(Math.max(s.start, start - 90), start), gazBySentence[s.index], start);
        const words = j - i + 1;
        if (words >= 2 && words <= 4 && !/^\p{Lu}\.$/u.test(surname)) {
          const name = text.slice(start, end);
          let p = bySurname.get(surname);
          if (!p) {
            p = { name, surname };
            bySurname.set(surname, p);
          }
          if (name.length > p.name.length && !/\p{Lu}\./u.test(name)) p.name = name;
          p.affiliation ??= ctx.affiliation;
          p.title ??= ctx.title;
          if (ctx.role !== 'counterpart') p.role ??= ctx.role;
          mentions.push({ start, end, person: p });
        } else if (words === 1 && surname.length > 2 && !surname.endsWith('.')) {
          // Titled only when the title sits right before the word ("President Biden", not "Secretary Sherman's Participation").
          const adjacent =
            ctx.title !== undefined &&
            new RegExp(`${ctx.title.replace(/\./g, '\\.')}\\s+$`, 'i').test(text.slice(s.start, start));
          pending.push({ start, end, surname, ctx, titled: adjacent });
        }
        i = j + 1;
      }
    }
  }
  // Single words: a known surname, or a titled one ("President Biden", "Mr Lavrov") even if never named in full.
  for (const p of pending) {
    let person = bySurname.get(p.surname);
    // "Foreign Minister Wang" after "Wang Yi": family name first, so a titled word may be the name's first word.
    if (!person && p.titled)
      person = [...bySurname.values()].find(
        (x) => x.name.split(/\s+/).length === 2 && x.name.startsWith(`${p.surname} `),
      );
    // "talks between Blinken and Lavrov", "is to meet Zelensky": a bare name at a meeting's table is a person.
    if (!person && (p.titled || atTable(text, p.start))) {
      person = {
        name: p.surname,
        surname: p.surname,
        affiliation: p.ctx.affiliation,
        title: p.ctx.title,
        role: p.ctx.role,
      };
      if (!p.titled) person.bare = true;
      bySurname.set(p.surname, person);
    }
    if (!person && p.surname.includes('-')) {
      // "the Macron-Putin call": two people of the report joined by a hyphen.
      const parts = p.surname.split('-');
      const known = parts.map((x) => bySurname.get(x));
      if (parts.length === 2 && known[0] && known[1]) {
        mentions.push({ start: p.start, end: p.start + parts[0].length, person: known[0] });
        mentions.push({ start: p.end - parts[1].length, end: p.end, person: known[1] });
      }
      continue;
    }
    if (!person) continue;
    person.affiliation ??= p.ctx.affiliation;
    person.title ??= p.ctx.title;
    if (p.ctx.role && p.ctx.role !== 'counterpart') person.role ??= p.ctx.role;
    mentions.push({ start: p.start, end: p.end, person });
  }
  mentions.sort((a, b) => a.start - b.start);
  const all = mentions
    .concat(findRoleReferences(gaz, text, sentences, gazBySentence, mentions))
    .sort((a, b) => a.start - b.start);
  return all.concat(firstPersonInQuotes(text, sentences, all)).sort((a, b) => a.start - b.start);
}

const TABLE_QUICK = /between|meet|met\b|talks|spoke|speak|call/i;
const TABLE_BEFORE =
  /(?:\bbetween\s+(?:[^,;.]{1,60}?\s+and\s+)?|\b(?:meet|meets|met|meeting with|talks with|talked with|spoke with|spoke to|speak with|speak to|call with)\s+)$/i;

/** A bare capitalised word in the place of a meeting's participant: "between _ and _", "meet _". */
function atTable(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return TABLE_QUICK.test(before) && TABLE_BEFORE.test(before);
}

const QUOTE_SPAN = /[“"]([^”"]{2,600})[”"]/g;
const FIRST_PERSON = /(?<![\p{L}'’])I(?![\p{L}])/gu;
const SAID_AFTER = /^[\s,]*(?:(?:he|she)\s+(?:said|says|told|added|wrote)|(?:said|says|told|added)\s*$)/i;

/**
 * "I" inside a quotation is its speaker: the person named right after the quote ("..., Kuleba said"),
 * else, for "he said"/"she said" or a quote of its own, the subject (first person) of the last
 * sentence before the quote that named someone.
 */
function firstPersonInQuotes(text: string, sentences: Sentence[], named: PersonMention[]): PersonMention[] {
  if (named.length === 0 || !/[“"]/.test(text)) return [];
  const out: PersonMention[] = [];
  QUOTE_SPAN.lastIndex = 0;
  let q: RegExpExecArray | null;
  while ((q = QUOTE_SPAN.exec(text)) !== null) {
    const inner = q[1];
    const qStart = q.index + 1;
    const qEnd = q.index + q[0].length;
    FIRST_PERSON.lastIndex = 0;
    if (!FIRST_PERSON.test(inner)) continue;
    const nextNamed = named.find(
      (n) =>
        n.start >= qEnd &&
        n.start - qEnd < 30 &&
        /^[\s,]*(?:(?:said|says|told|added)\s+)?$/i.test(text.slice(qEnd, n.start)),
    );
    let speaker = nextNamed?.person;
    if (!speaker && (SAID_AFTER.test(text.slice(qEnd, qEnd + 24)) || /[.!?]\s*$/.test(inner))) {
      const sentenceAt = sentences.find((s) => s.start <= q!.index && s.end > q!.index);
      const earlier = sentences.filter((s) => sentenceAt && s.index < sentenceAt.index).reverse();
      for (const s of earlier) {
        const first = named.find((n) => n.start >= s.start && n.end <= s.end);
        if (first) {
          speaker = first.person;
          break;
        }
      }
    }
    if (!speaker) continue;
    FIRST_PERSON.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FIRST_PERSON.exec(inner)) !== null)
      out.push({ start: qStart + m.index, end: qStart + m.index + 1, person: speaker });
  }
  return out;
}

const DET_START = /^(?:the|his|her|my|their|its|our|your)\s/i;
const roleRegexCache = new WeakMap<Gazetteer, { re: RegExp; quick: RegExp }>();

/**
 * The role-reference regex of a gazetteer, compiled once, and its pre-check: any of the role words
 * in any case. A match always contains one, and most sentences have none, which the plain
 * alternation finds out several times faster than the full regex.
 */
function roleRegexes(gaz: Gazetteer): { re: RegExp; quick: RegExp } {
  const cached = roleRegexCache.get(gaz);
  if (cached) return cached;
  const words = [
    ...gaz.roleWords.keys(),
    ...gaz.titles.filter((t) => t.role).map((t) => t.title.toLowerCase()),
    'counterpart',
  ].sort((a, b) => b.length - a.length);
  const roles = [...new Set(words.map(initialCaseless))];
  // No 'i' flag: \p{Lu} must keep meaning "upper case" (a following name blocks the match).
  const re = new RegExp(
    `(?<![\\p{L}])(?:${initialCaseless(DETERMINER_WORDS)}\\s+)?(?:(?<nat>\\p{Lu}[\\p{L}.]*(?:['’]s)?)\\s+)?(?<role>${roles.join('|')})(?![\\p{L}])(?!\\s+\\p{Lu}\\p{Ll})`,
    'gu',
  );
  // Plain words with 'i' (not the [fF] classes above): irregexp scans such an alternation far faster.
  const quick = new RegExp(words.map(escapeRe).join('|'), 'i');
  const both = { re, quick };
  roleRegexCache.set(gaz, both);
  return both;
}
const DETERMINER_WORDS = '(?:the|his|her|my|their|its|our|your)';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Escapes a phrase and lets each word start in either case ("Foreign Minister" = "foreign minister"). */
function initialCaseless(phrase: string): string {
  if (phrase.startsWith('(?:')) return phrase.replace(/\b([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`);
  return escapeRe(phrase).replace(/(^|\s)([a-z])/g, (_m, sp: string, c: string) => `${sp}[${c}${c.toUpperCase()}]`);
}

/** "the Secretary of State", "Russia's foreign minister", "his Russian counterpart": the person meant. */
function findRoleReferences(
  gaz: Gazetteer,
  text: string,
  sentences: Sentence[],
  gazBySentence: GazMention[][],
  named: PersonMention[],
): PersonMention[] {
  const people = [...new Set(named.map((m) => m.person))];
  if (people.length === 0) return [];
  const { re, quick } = roleRegexes(gaz);
  const out: PersonMention[] = [];
  for (const s of sentences) {
    if (!quick.test(s.text)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text)) !== null) {
      const g = m.groups ?? {};
      const hasDet = DET_START.test(m[0]);
      const natHit = g.nat
        ? gazBySentence[s.index].find((h) => h.start === s.start + m!.index + m![0].indexOf(g.nat) && h.actor)
        : undefined;
      if (g.nat && !natHit) continue;
      if (!hasDet && !natHit) continue;
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (named.some((n) => n.start < end && n.end > start)) continue;
      const roleText = g.role.toLowerCase();
      const role = gaz.roleWords.get(roleText) ?? gaz.roleOfTitle.get(roleText);
      let cands = people.filter((p) => !natHit || p.affiliation === natHit.actor);
      if (roleText !== 'counterpart') {
        const byTitle = cands.filter((p) => p.title?.toLowerCase().includes(roleText));
        cands = byTitle.length > 0 ? byTitle : cands.filter((p) => role !== undefined && p.role === role);
      } else if (!natHit) continue;
      if (cands.length === 0 && natHit) {
        // Nobody of that nationality is introduced with a title: the most-mentioned person
        // whose nationality the report never states is the likeliest referent.
        const unknown = people.filter((p) => p.affiliation === undefined && (p.role === undefined || p.role === role));
        const count = (p: Person): number => named.filter((n) => n.person === p).length;
        const best = unknown.sort((a, b) => count(b) - count(a))[0];
        if (best && count(best) >= 2) cands = [best];
      }
      if (cands.length === 0) continue;
      // The nearest named mention before the reference, else the first after it.
      const before = named.filter((n) => n.end <= start && cands.includes(n.person));
      const pick =
        before.length > 0 ? before[before.length - 1].person : named.find((n) => cands.includes(n.person))?.person;
      if (pick) out.push({ start, end, person: pick });
    }
  }
  void text;
  return out;
}
