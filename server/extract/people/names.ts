/**
 * Names of people, found by shape over tokens: a run of capitalised words that are not names of
 * countries, bodies, titles or newsroom words ("Sergei Ryabkov", "Abdel Fattah al-Sisi",
 * "Jean-Noël Barrot", "Wendy R. Sherman"). The words before a name give its title and
 * nationality ("Russian Deputy Foreign Minister Sergei Ryabkov"). No list of people is needed.
 */
import type { Gazetteer, Title } from '../gazetteer/compile.js';
import type { GazMention } from '../gazetteer/mentions.js';
import words from '../lexicon/names.json' with { type: 'json' };
import titles from '../lexicon/titles.json' with { type: 'json' };
import type { Sentence } from '../text/sentences.js';
import type { Token } from '../text/tokens.js';

const PARTICLES = new Set(words.nameParticles);
const BUILDING = new Set(titles.buildingWords);
/** Words that introduce a credit, not a person of the story ("AP Photo/Kevin Wolf", "By Jane Roe"). */
const CREDIT = new Set(['photo', 'photos', 'credit', 'credits', 'illustration', 'video']);

/** A run of name words: tokens [i, j) and how many words it has. */
export interface NameRun {
  i: number;
  j: number;
  words: number;
}

/** What the words before a name say about the person. */
export interface NameContext {
  affiliation?: string;
  title?: Title;
  /** The title ends right before the name ("President Biden", not "President ... Biden"). */
  adjacentTitle: boolean;
  counterpart: boolean;
}

const isNameWord = (gaz: Gazetteer, t: Token | undefined): boolean =>
  t !== undefined &&
  t.kind === 'word' &&
  t.cap &&
  !gaz.nameStop.has(t.lower) &&
  // Acronyms ("GNN", "DGMO") are not names; "Un" of "Kim Jong Un" is.
  !(t.text.length > 1 && t.text === t.text.toUpperCase());

/**
 * A sentence in title case ("China Cancels Bilateral Meeting With Japan"): its capitals say
 * nothing about names, so it introduces none.
 */
export function isTitleCase(tokens: Token[], s: Sentence): boolean {
  let long = 0;
  let capital = 0;
  for (let k = s.t0; k < s.t1; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.text.length < 4) continue;
    long++;
    if (t.cap) capital++;
  }
  const last = tokens[s.t1 - 1].text;
  return long >= 3 && capital / long >= 0.7 && last !== '.';
}

/** A byline or a credit line ("By Web Desk", "Photo: ..."): no people of the story in it. */
export function isCreditLine(tokens: Token[], s: Sentence): boolean {
  const first = tokens[s.t0];
  return (first.lower === 'by' && first.cap) || CREDIT.has(first.lower);
}

/**
 * The name runs of a sentence, left to right. A run stops at any word that cannot be part of a
 * name, so "United Nations", "Gaza Strip" or an "Executive Office" give no piece of a name.
 */
export function nameRuns(gaz: Gazetteer, tokens: Token[], s: Sentence, gazHits: GazMention[]): NameRun[] {
  const out: NameRun[] = [];
  const gazAt = new Set<number>();
  for (const g of gazHits) for (let k = g.i; k < g.j; k++) gazAt.add(k);
  for (let i = s.t0; i < s.t1; i++) {
    if (!isNameWord(gaz, tokens[i]) || gazAt.has(i)) continue;
    if (i > s.t0 + 1 && tokens[i - 1].text === '/' && CREDIT.has(tokens[i - 2].lower)) continue;
    let j = i + 1;
    let count = 1;
    while (j < s.t1) {
      const t = tokens[j];
      const after = tokens[j + 1];
      // "Jean-Noël", "al-Sisi", "Ing-wen": one word across the hyphen.
      if (
        t.text === '-' &&
        !t.space &&
        after &&
        !after.space &&
        after.kind === 'word' &&
        (isNameWord(gaz, after) || !after.cap)
      ) {
        j++;
        continue;
      }
      if (tokens[j - 1].text === '-' && !t.space && t.kind === 'word' && !t.cap) {
        j++;
        continue;
      }
      // "Wendy R. Sherman": an initial and its point.
      if (t.text === '.' && !t.space && tokens[j - 1].text.length === 1 && isNameWord(gaz, tokens[j + 1])) {
        j++;
        continue;
      }
      // "[Ukrainian President Vladimir] Zelensky": an editor's brackets inside a name.
      if (t.text === ']' && isNameWord(gaz, tokens[j + 1]) && tokens[j + 1].space) {
        j++;
        continue;
      }
      if (PARTICLES.has(t.lower) && t.space && (isNameWord(gaz, tokens[j + 1]) || tokens[j + 1]?.text === '-')) {
        j++;
        continue;
      }
      if (!t.space && tokens[j - 1].text !== '-') break;
      if (!isNameWord(gaz, t) || gazAt.has(j)) break;
      if (tokens[j - 1].text !== '-') count++;
      j++;
    }
    // "the George P. Shultz ... Training Center": the name of a building or an institution.
    if (!(tokens[j]?.cap && BUILDING.has(tokens[j].lower))) out.push({ i, j, words: count });
    i = j - 1;
  }
  return out;
}

/** The text of tokens [i, j) as written, spaces normalised, an editor's brackets left out. */
export function spanText(tokens: Token[], i: number, j: number): string {
  let s = '';
  for (let k = i; k < j; k++) {
    if (tokens[k].text === '[' || tokens[k].text === ']') continue;
    s += (s.length > 0 && tokens[k].space ? ' ' : '') + tokens[k].text;
  }
  return s;
}

const WINDOW_STOP = new Set(['.', ';', ':', '(', ')', '"', '“', '”', '!', '?']);
/** Words that stand between two people: "the Peruvian official held talks with Minister Ida Lund" gives her no nationality. */
const BETWEEN_PEOPLE = new Set([
  'with',
  'met',
  'meet',
  'meets',
  'between',
  'told',
  'called',
  'and',
  'welcomed',
  'hosted',
]);

/**
 * Title, nationality and "counterpart" from up to eight tokens before a name, stopping at
 * punctuation (a comma only when it is not the one right before the name: "Russia's top
 * negotiator, Vladimir Medinsky") and at the end of an earlier name.
 */
export function nameContext(
  gaz: Gazetteer,
  tokens: Token[],
  s: Sentence,
  at: number,
  gazHits: GazMention[],
  after: number,
): NameContext {
  let from = at;
  for (let k = at - 1; k >= Math.max(s.t0, at - 8, after); k--) {
    const t = tokens[k];
    if (WINDOW_STOP.has(t.text) || BETWEEN_PEOPLE.has(t.lower)) break;
    if (t.text === ',' && k !== at - 1) break;
    from = k;
  }
  const ctx: NameContext = { adjacentTitle: false, counterpart: false };
  let bestEnd = -1;
  for (let k = from; k < at; k++) {
    const hit = gaz.titles.at(tokens, k, at);
    if (!hit) continue;
    const end = k + hit.length;
    // The title nearest the name wins; of two ending together, the earlier (longer) one.
    if (end > bestEnd) {
      bestEnd = end;
      ctx.title = hit.value;
    }
  }
  for (let k = from; k < at; k++) if (tokens[k].lower === 'counterpart') ctx.counterpart = true;
  ctx.adjacentTitle =
    ctx.title !== undefined && (bestEnd === at || (bestEnd === at - 1 && tokens[at - 1]?.text === '.'));
  for (const g of gazHits) if (g.i >= from && g.j <= at && g.actor && !g.organization) ctx.affiliation = g.actor;
  return ctx;
}
