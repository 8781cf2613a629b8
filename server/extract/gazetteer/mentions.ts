/**
 * Gazetteer mentions: actors named as actors ("Moscow has massed"), as places ("talks in
 * Moscow") or as a nationality or modifier ("Russian troops", "the US delegation"). One lookup
 * per token; what the words around the name say decides its reading.
 */
import words from '../lexicon/names.json' with { type: 'json' };
import type { Sentence } from '../text/sentences.js';
import type { Token } from '../text/tokens.js';
import type { Gazetteer } from './compile.js';

/** One gazetteer hit: tokens [i, j) of the report. */
export interface GazMention {
  i: number;
  j: number;
  start: number;
  end: number;
  text: string;
  actor?: string;
  place?: string;
  /** Reads as a location here ("in Geneva", "to Kyiv and Berlin"). */
  locative: boolean;
  /** A nationality or a modifier ("Russian", "the US delegation"): qualifies, does not act. */
  demonym: boolean;
  organization: boolean;
  /** Followed by "'s" ("Russia's foreign minister"). */
  possessive: boolean;
}

const LOCATIVE = new Set(words.locativeBefore);
const DIRECTION = new Set(words.directionWords);
const PROCESS = new Set(words.processNouns);
const MODIFIED = new Set(words.modifiedNouns);
const FUNCTION = new Set(words.functionWords);
const TOPIC = new Set(words.topicNouns);

/** The gazetteer mentions of one sentence, in order. */
export function findGazMentions(gaz: Gazetteer, tokens: Token[], s: Sentence): GazMention[] {
  const out: GazMention[] = [];
  for (let i = s.t0; i < s.t1; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' || !gaz.names.starts(t)) continue;
    const hit = gaz.names.at(tokens, i, s.t1);
    if (!hit) continue;
    const j = i + hit.length;
    const surface = hit.value;
    if (partOfLongerName(gaz, tokens, i, s)) continue;
    const next = tokens[j];
    if (next && PROCESS.has(next.lower) && !surface.organization) {
      i = j - 1;
      continue;
    }
    const possessive = next !== undefined && !next.space && (next.lower === "'s" || next.lower === "'");
    let locative = surface.place !== undefined && !possessive && locativeBefore(tokens, i, s.t0);
    let place = surface.place;
    const prev = out[out.length - 1];
    if (surface.place && prev?.locative && prev.j <= i) {
      const between = tokens.slice(prev.j, i).map((x) => x.lower);
      // "to Kyiv and Berlin", "to Kyiv on Wednesday and Berlin on Thursday": coordination keeps the preposition's reading.
      if (coordinated(between)) locative = true;
      // "Geneva, Switzerland": the country after a city is its address, not another place.
      if (between.length === 1 && between[0] === ',' && prev.place) {
        locative = true;
        place = undefined;
      }
    }
    // A place that is not a country reads as a place ("the Geneva talks" are in Geneva), unless it names a topic ("the Essequibo dispute").
    if (surface.place && !surface.actor) locative = !(next && TOPIC.has(next.lower));
    // A country as a modifier ("Ukraine talks", "US Secretary of State", "the Israel-Iran conflict") qualifies, it does not take part.
    const modifier =
      !surface.demonym &&
      surface.actor !== undefined &&
      !possessive &&
      next !== undefined &&
      (MODIFIED.has(next.lower) || compoundModifier(gaz, tokens, j, s.t1));
    out.push({
      i,
      j,
      start: t.start,
      end: tokens[j - 1].end,
      text: tokens
        .slice(i, j)
        .map((x, k) => (k > 0 && x.space ? ' ' : '') + x.text)
        .join(''),
      actor: surface.actor,
      place,
      locative,
      demonym: surface.demonym || modifier,
      organization: surface.organization,
      possessive,
    });
    i = j - 1;
  }
  return out;
}

/**
 * "National Security Council" is not the UN Security Council: a capitalised word right before a
 * name makes it part of a longer proper name, unless that word is a function word, a title, or a
 * dateline in capitals ("MOSCOW — ...").
 */
function partOfLongerName(gaz: Gazetteer, tokens: Token[], i: number, s: Sentence): boolean {
  if (i === s.t0) return false;
  const prev = tokens[i - 1];
  if (prev.kind !== 'word' || !prev.cap || !tokens[i].space) return false;
  if (FUNCTION.has(prev.lower) || prev.text === prev.text.toUpperCase()) return false;
  if (gaz.names.starts(prev) || HONORIFIC.has(prev.lower)) return false;
  // A title ends right before it ("Deputy Foreign Minister" + name): not one name.
  for (let k = Math.max(s.t0, i - 4); k < i; k++) if (gaz.titles.at(tokens, k, i)?.length === i - k) return false;
  return true;
}

const HONORIFIC = new Set(['mr', 'ms', 'mrs', 'dr']);

/** A preposition or verb of place before the name, across "the" and a direction word. */
function locativeBefore(tokens: Token[], i: number, t0: number): boolean {
  let k = i - 1;
  if (k >= t0 && DIRECTION.has(tokens[k].lower)) k--;
  if (k >= t0 && tokens[k].lower === 'the') k--;
  if (k >= t0 && DIRECTION.has(tokens[k].lower)) k--;
  return k >= t0 && LOCATIVE.has(tokens[k].lower);
}

/** The words between two places that keep the first one's preposition: ",", "and", or a day ("on Wednesday and"). */
function coordinated(between: string[]): boolean {
  if (between.length === 0 || between.length > 6) return false;
  let k = 0;
  if (between[0] === 'on') {
    k = 1;
    while (k < between.length && between[k] !== ',' && between[k] !== 'and') k++;
  }
  const rest = between.slice(k);
  return rest.length > 0 && rest.length <= 2 && rest.every((w) => w === ',' || w === 'and');
}

/** "Israel-Iran conflict", "Russia-NATO talks": names joined by a hyphen before a modified noun. */
function compoundModifier(gaz: Gazetteer, tokens: Token[], j: number, end: number): boolean {
  if (tokens[j]?.text !== '-' || tokens[j].space) return false;
  const other = gaz.names.at(tokens, j + 1, end);
  if (!other) return false;
  const after = tokens[j + 1 + other.length];
  return after !== undefined && (MODIFIED.has(after.lower) || TOPIC.has(after.lower));
}
