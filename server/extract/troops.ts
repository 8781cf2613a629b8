/**
 * Troop strengths: a number tied to a troop noun ("over 100,000 Russian troops",
 * "a 150,000-strong force"), with its qualifier, whose troops, where, who says so,
 * and whether it is a projection ("on track to amass 150,000") or a hypothetical
 * multiple of an earlier figure ("the possibility of doubling that").
 */
import type { TroopMention } from '../../shared/extraction.js';
import { ACQUISITION, HYPOTHETICAL } from './cues.js';
import type { GazMention } from './entities.js';
import { findNumbers } from './numbers.js';
import type { PersonMention } from './people.js';
import type { Sentence } from './sentences.js';
import terms from './troopTerms.json' with { type: 'json' };

type Qualifier = TroopMention['qualifier'];

const alt = (xs: readonly string[]): string =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

const NOUN_RE = new RegExp(`(?<![\\p{L}])(?:${alt(terms.nouns)})(?![\\p{L}])`, 'iu');
const NOUN_AT_START = new RegExp(`^(?:${alt(terms.nouns)})(?![\\p{L}])`, 'iu');
// "a 40,000-strong rapid reaction force": up to three words between "strong" and the force noun.
const FORCE_AFTER = new RegExp(`^[-\\s]strong\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${alt(terms.forceNouns)})\\b`, 'iu');
const FORCE_BEFORE = new RegExp(
  `(?:${alt(terms.forceNouns)})\\s+of\\s+(?:(?:${alt(Object.values(terms.qualifiers).flat())})\\s+)?$`,
  'i',
);
const STOP = new Set(terms.modifierStop);
const QUALIFIERS: [Qualifier, RegExp][] = (Object.entries(terms.qualifiers) as [Qualifier, string[]][]).map(
  ([q, words]) => [q, new RegExp(`(?:^|[^\\p{L}])(?:${alt(words)})\\s*$`, 'iu')],
);
const MULTIPLY = new RegExp(
  `\\b(${Object.keys(terms.multipliers).join('|')})(?:e|es|ed|ing)\\s+(?:that|this|it|those|these|the (?:number|figure|force|total|presence))\\b`,
  'gi',
);
const LOCATION =
  /^[^.;:]{0,40}?\b(?:at|near|along|on|in|inside|around|surrounding|close to|outside)\s+((?:the\s+)?[^,.;:"“”()]{3,60}?)(?=[,.;:"“”()]|\s+(?:and|with|to|for|as|while|by|apart|according)\b|$)/;
const QUALIFIER_WORDS = alt(Object.values(terms.qualifiers).flat());
// A number with no noun of its own ("..., up from about 100,000 in late January", "and 300 to Germany").
const BARE_AFTER =
  /^\s*(?:[,.;:)]|$|\s(?:to|from|in|into|within|by|near|along|at|on|across|inside|around|toward|towards|last|this|earlier|previously|according|while|as|before|after)\b)/;
// "...put the force at over 100k", "cut the number of soldiers ... to 4,000 from 8,350".
const TAKES_FIGURE = new RegExp(
  `\\b(?:at|to|from|of|by)\\s+(?:(?:${QUALIFIER_WORDS}|closer to|a total of)\\s+)?$`,
  'i',
);
// A change still to come whose target is the number: "would cut the number ... to 4,000".
const CHANGE_TO = new RegExp(
  `\\b(?:will|would|could|might|shall|plans? to|planning to|intends? to|is to|are to|set to|expected to|aims? to|wants? to|vowed to|promised to)\\s+(?:[\\p{L}-]+\\s+)?(?:cut|reduce|trim|lower|raise|increase|boost|expand|bring|grow|rise|swell|scale (?:back|down|up)|draw down)\\b[^.;]{0,120}\\bto\\s+(?:(?:${QUALIFIER_WORDS})\\s+)?$`,
  'iu',
);
// "30,000 were expected in Belarus", "30,000 more could arrive": a strength still to come.
const PROJECTED_AFTER =
  /^\s+(?:more\s+)?(?:(?:are|were|is|was)\s+(?:still\s+)?(?:expected|due|projected|slated|likely)\b|(?:could|would|might|may|will)\s+(?:soon\s+)?(?:arrive|follow|join|be (?:sent|added|deployed)))/i;
const MORE_OF_SAME = /\b(?:a further|another|an additional|an extra)\s+$/i;
const FROM_FIGURE = new RegExp(`\\bfrom\\s+(?:(?:${QUALIFIER_WORDS})\\s+)?$`, 'i');
const CLAIM =
  /\b(?:according to\s+((?:the\s+)?[^,.;]{3,50}?)(?=[,.;]|$))|((?:[\p{Lu}][\p{L}.]*\s+)?(?:officials|official|intelligence|estimates|analysts|sources))\s+(?:say|said|says|suggest|estimate|believe|show)/u;

/** A troop mention before evidence offsets are made absolute. */
interface Found {
  mention: TroopMention;
}

function qualifierOf(before: string): Qualifier {
  for (const [q, re] of QUALIFIERS) if (re.test(before)) return q;
  return 'exact';
}

/** Finds troop counts in the report. */
export function findTroops(
  text: string,
  sentences: Sentence[],
  gazBySentence: GazMention[][],
  people: PersonMention[],
): TroopMention[] {
  const out: Found[] = [];
  for (const s of sentences) {
    const hasNoun = NOUN_RE.test(s.text) || /strong\s|\bforce\b|number of/i.test(s.text);
    if (hasNoun) {
      for (const n of findNumbers(s.text)) {
        if (n.value < 100 || n.value > 10_000_000) continue; // squads and absurd values are not troop strengths
        const after = s.text.slice(n.end, n.end + 60);
        const before = s.text.slice(Math.max(0, n.start - 90), n.start);
        if (/^\s*(?:%|percent|per cent)/i.test(after) || /[$€£]\s*$/.test(before)) continue;
        let nounEnd = -1;
        const f = FORCE_AFTER.exec(after);
        if (f) nounEnd = n.end + f[0].length;
        else if (FORCE_BEFORE.test(before)) nounEnd = n.end;
        else {
          // Up to three modifier words ("Russian", "combat-ready", "more") between number and noun.
          const lead = /^\s+(?:of\s+)?/.exec(after);
          if (lead) {
            let pos = lead[0].length;
            for (let k = 0; k <= 3 && nounEnd < 0; k++) {
              const nm = NOUN_AT_START.exec(after.slice(pos));
              if (nm) nounEnd = n.end + pos + nm[0].length;
              const w = /^([\p{L}.'’-]+)\s+/u.exec(after.slice(pos));
              if (!w || STOP.has(w[1].toLowerCase())) break;
              pos += w[0].length;
            }
          }
        }
        if (
          nounEnd < 0 &&
          elliptic(
            s.text,
            n,
            out.some((f) => f.mention.evidence.start >= s.start && f.mention.evidence.end <= s.start + n.start),
          )
        )
          nounEnd = n.end;
        if (nounEnd < 0) continue;
        const clauseBefore = before.split(/[;.]|,\s+(?:and|but|while)\s/).pop() ?? '';
        // "... to 4,000 from 8,350": the figure a change starts from is today's, never a projection.
        const hypo =
          !FROM_FIGURE.test(before) &&
          (isProjection(clauseBefore) ||
            CHANGE_TO.test(before) ||
            PROJECTED_AFTER.test(s.text.slice(nounEnd, nounEnd + 40)));
        const mention: TroopMention = {
          value: n.value,
          qualifier: n.low !== undefined ? 'about' : qualifierOf(before),
          hypothetical: hypo,
          evidence: {
            text: text.slice(s.start + n.start, s.start + nounEnd),
            start: s.start + n.start,
            end: s.start + nounEnd,
          },
        };
        if (n.low !== undefined) {
          mention.low = n.low;
          mention.high = n.high;
        }
        describe(mention, s, n.start, nounEnd, gazBySentence[s.index], people);
        out.push({ mention });
      }
    }
    // "the possibility of doubling that": a hypothetical multiple of the latest figure.
    MULTIPLY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MULTIPLY.exec(s.text)) !== null) {
      const prev = [...out]
        .reverse()
        .find((f) => f.mention.evidence.start < s.start + m!.index && !f.mention.hypothetical);
      if (!prev || prev.mention.evidence.start < s.start - 600) continue;
      const factor = terms.multipliers[m[1].toLowerCase() as keyof typeof terms.multipliers];
      const start = s.start + m.index;
      const end = start + m[0].length;
      out.push({
        // No leading spread followed by fields (README, "Objects in hot paths").
        mention: Object.assign({}, prev.mention, {
          value: prev.mention.value * factor,
          low: undefined,
          high: undefined,
          qualifier: 'up to' as const,
          hypothetical: true,
          evidence: { text: text.slice(start, end), start, end },
        }),
      });
    }
  }
  return out.map((f) => withoutUndefined(f.mention));
}

/**
 * A copy without the keys set to undefined (a multiple spreads `low`/`high: undefined`), as JSON would
 * give it back: the same keys in the same order, at a fraction of a JSON round trip's cost.
 */
function withoutUndefined(t: TroopMention): TroopMention {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) if (v !== undefined) out[k] = k === 'evidence' ? { ...t.evidence } : v;
  return out as unknown as TroopMention;
}

/**
 * A number without a noun that still counts troops: a bare figure after a troop count of the same
 * sentence ("1,700 paratroopers to Poland and 300 to Germany"), or a figure that a troop noun
 * earlier in the clause hands over with a preposition ("the number of soldiers ... to 4,000").
 * Years, dates and amounts with their own noun are never bare.
 */
function elliptic(
  sentence: string,
  n: { start: number; end: number; value: number; low?: number },
  afterTroops: boolean,
): boolean {
  const raw = sentence.slice(n.start, n.end);
  if (/^(?:1[89]|20)\d\d$/.test(raw.trim())) return false;
  const before = sentence.slice(Math.max(0, n.start - 120), n.start);
  // "... 100,000 troops ... and a further 30,000 were expected": more of the same noun, whatever follows.
  if (afterTroops && MORE_OF_SAME.test(before)) return true;
  if (!BARE_AFTER.test(sentence.slice(n.end, n.end + 24))) return false;
  if (/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*$/.test(before)) return false;
  if (afterTroops) return true;
  const clause = before.split(/[;.]/).pop() ?? '';
  return (
    TAKES_FIGURE.test(clause) && (NOUN_RE.test(clause) || /\b(?:force|number of (?:troops|soldiers))\b/i.test(clause))
  );
}

/** A projection: a modal or "on track to" that governs a verb of gathering ("could reach", "on track to amass"). */
function isProjection(clauseBefore: string): boolean {
  const tail = clauseBefore.slice(-80);
  HYPOTHETICAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HYPOTHETICAL.exec(tail)) !== null) {
    const rest = tail.slice(m.index + m[0].length);
    ACQUISITION.lastIndex = 0;
    const a = ACQUISITION.exec(rest);
    if (a && a.index < 40) return true;
  }
  return false;
}

function describe(
  t: TroopMention,
  s: Sentence,
  numStart: number,
  nounEnd: number,
  gaz: GazMention[],
  people: PersonMention[],
): void {
  const absNum = s.start + numStart;
  const absNoun = s.start + nounEnd;
  // Whose: a nationality between number and noun, else the nearest actor named before the number.
  const inside = gaz.find((g) => g.start >= absNum && g.end <= absNoun && g.actor);
  const subject = [...gaz].reverse().find((g) => g.end <= absNum && g.actor && !g.locative && !g.organization);
  const actor = inside?.actor ?? subject?.actor;
  if (actor) t.actor = actor;
  const loc = LOCATION.exec(s.text.slice(nounEnd));
  if (loc) t.location = loc[1].trim();
  const claim = CLAIM.exec(s.text);
  const speaker = people.find((p) => p.start >= s.start && p.end <= s.end);
  if (claim) t.claimedBy = (claim[1] ?? claim[2]).trim();
  else if (speaker) t.claimedBy = speaker.person.name;
}
