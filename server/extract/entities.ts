/**
 * Gazetteer mentions in a sentence: actors named as actors ("Moscow has massed"),
 * as places ("talks in Moscow"), or as a nationality ("Russian troops").
 */
import type { Gazetteer } from './gazetteer.js';

/** One gazetteer hit, with report offsets. */
export interface GazMention {
  start: number;
  end: number;
  text: string;
  actor?: string;
  place?: string;
  /** The hit reads as a location here ("in Geneva", "to Kyiv", "Brussels, Belgium"). */
  locative: boolean;
  /** The hit is a nationality or modifier ("Russian", "the U.S. delegation"). */
  demonym: boolean;
  organization: boolean;
}

const LOCATIVE_BEFORE = /(?:\b(?:in|to|at|from|into|near|toward|towards|outside|inside|visit|visits|visited|visiting|reach|reached|arrive|arrived|arrives|leave|left|leaves|via|across|around|for)\s+(?:the\s+)?(?:central\s+|northern\s+|southern\s+|eastern\s+|western\s+)?|\p{Lu}\p{L}+,\s)$/u;

/** Finds gazetteer mentions in `sentence`, which starts at `offset` in the report. */
export function findGazMentions(gaz: Gazetteer, sentence: string, offset: number): GazMention[] {
  const out: GazMention[] = [];
  gaz.surfaceRe.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = gaz.surfaceRe.exec(sentence)) !== null) {
    const s = gaz.surfaces.get(m[0]);
    if (!s) continue;
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const possessive = /^['’]s?/.test(after);
    let locative = s.place !== undefined && !possessive && LOCATIVE_BEFORE.test(before);
    // "Brussels, Belgium": the country after a place is part of the address.
    if (s.place && /\p{Lu}\p{L}+,\s$/u.test(before)) locative = true;
    if (s.place && !s.actor) locative = true;
    // A country name used as a modifier ("Ukraine talks", "the U.S. delegation") qualifies, not participates.
    const modifier = !s.demonym && s.actor !== undefined && !possessive && /^\s[a-z]/.test(after) && /^\s(?:delegation|side|officials?|talks|crisis|government|troops|forces|border|embassy|team|president|leader|envoy)\b/.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 14));
    out.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      text: m[0],
      actor: s.actor,
      place: s.place,
      locative,
      demonym: s.demonym || modifier,
      organization: s.organization,
    });
  }
  return out;
}
