/**
 * Gazetteer mentions in a sentence: actors named as actors ("Moscow has massed"),
 * as places ("talks in Moscow"), or as a nationality ("Russian troops").
 */
import { WORD_CHARS, type Gazetteer } from './gazetteer.js';

// A form must end at a word boundary; "U.S" must not match inside "U.S.A".
const WORD_AFTER = new RegExp(`^(?:[${WORD_CHARS}]|\\.[${WORD_CHARS}])`);

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

const LOCATIVE_BEFORE =
  /(?:\b(?:In|At|in|to|at|into|near|toward|towards|outside|inside|visit|visits|visited|visiting|reach|reached|arrive|arrived|arrives|leave|left|leaves|via|across|around)\s+(?:the\s+)?(?:central\s+|northern\s+|southern\s+|eastern\s+|western\s+)?)$/u;

const FUNCTION_WORD =
  /^(?:In|On|At|The|From|To|With|And|But|For|By|As|Of|Amid|Amidst|After|Before|During|Both|While|When|Between|Meanwhile|Earlier|Later|Today|Then|Also|Now|Since|Until|Into|Over|Under|Against|Like|Unlike|If|Although|Though|Because|So|Yet|Or|Nor|That|This|These|Those|Its|Their|His|Her|Our|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MOSCOW|KYIV|WASHINGTON)$/;
const MODIFIED =
  /^\s(?:delegation|side|officials?|talks|crisis|government|troops|forces|border|embassy|team|president|leader|envoy|country|countries|member|members|states?|nations|foreign|defen[cs]e|ministers?|diplomats|negotiators|leaders|authorities|commanders|envoys|Secretary|President|Foreign|Minister|Deputy|Defen[cs]e|Prime|Chancellor|Ambassador|National|Permanent|Representative|Chief|Special|Department|State)\b/;

/** Finds gazetteer mentions in `sentence`, which starts at `offset` in the report. */
export function findGazMentions(gaz: Gazetteer, sentence: string, offset: number): GazMention[] {
  const out: GazMention[] = [];
  // Only words that can start a surface form cost a lookup; the regex skips the rest.
  const words = gaz.candidateWord;
  words.lastIndex = 0;
  let w: RegExpExecArray | null;
  while ((w = words.exec(sentence)) !== null) {
    const at = w.index;
    const forms = gaz.byFirstWord.get(w[0]);
    if (!forms) continue;
    if (at > 0 && sentence[at - 1] === '.') continue;
    const form = forms.find(
      (f) => sentence.startsWith(f, at) && !WORD_AFTER.test(sentence.slice(at + f.length, at + f.length + 2)),
    );
    if (!form) continue;
    words.lastIndex = at + form.length;
    const m = { index: at, 0: form };
    const s = gaz.surfaces.get(form);
    if (!s) continue;
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    // "National Security Council" is not the UN Security Council: a capitalised word before an
    // alias makes it part of a longer proper name.
    const prevWord = /(\p{Lu}[\p{L}]*)\s$/u.exec(before);
    if (
      prevWord &&
      !FUNCTION_WORD.test(prevWord[1]) &&
      !gaz.surfaces.has(prevWord[1]) &&
      !gaz.titleRe.test(prevWord[1]) &&
      !/^(?:Mr|Ms|Mrs)$/.test(prevWord[1])
    ) {
      gaz.titleRe.lastIndex = 0;
      continue;
    }
    gaz.titleRe.lastIndex = 0;
    const follow = sentence.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const possessive = /^['’]s?/.test(follow);
    // "the Minsk agreements", "the Normandy format", "the Minsk Group": the name of a process, neither a place nor a side.
    if (/^[\s-]+(?:format|formats|group|agreements?|accords?|process|protocols?|formula)\b/i.test(follow)) continue;
    let locative = s.place !== undefined && !possessive && LOCATIVE_BEFORE.test(before);
    let place = s.place;
    const prev = out[out.length - 1];
    // "to Kyiv and Berlin": coordination keeps the preposition's reading.
    if (
      s.place &&
      prev?.locative &&
      /^(?:\s+on\s+[^,.;:]{3,30}?)?(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(sentence.slice(prev.end - offset, m.index))
    )
      locative = true;
    // "Geneva, Switzerland": the country after a city is its address, not another place.
    if (s.place && prev?.locative && prev.place && sentence.slice(prev.end - offset, m.index) === ', ') {
      locative = true;
      place = undefined;
    }
    if (s.place && !s.actor) locative = true;
    // A country name used as a modifier ("Ukraine talks", "US Secretary of State") qualifies, not participates.
    const modifier = !s.demonym && s.actor !== undefined && !possessive && MODIFIED.test(follow);
    out.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      text: m[0],
      actor: s.actor,
      place,
      locative,
      demonym: s.demonym || modifier,
      organization: s.organization,
    });
  }
  return out;
}
