/**
 * References to a person by role: "the Secretary of State", "the French leader", "Russia's
 * foreign minister", "his Japanese counterpart". The person meant is one of the report's named
 * people with that title, role or nationality: the nearest named before, else the first after.
 */
import type { Gazetteer } from '../gazetteer/compile.js';
import type { GazMention } from '../gazetteer/mentions.js';
import type { Sentence } from '../text/sentences.js';
import type { Token } from '../text/tokens.js';
import type { Person, PersonMention } from './types.js';

const DETERMINERS = new Set(['the', 'his', 'her', 'my', 'their', 'its', 'our', 'your']);

/** The role a phrase at token k names, and where it ends; null when none starts there. */
function roleAt(
  gaz: Gazetteer,
  tokens: Token[],
  k: number,
  end: number,
): { role: string; text: string; j: number } | null {
  const word = gaz.roleWords.at(tokens, k, end);
  const title = gaz.titles.at(tokens, k, end);
  const wl = word?.length ?? 0;
  const tl = title?.value.role ? title.length : 0;
  if (wl === 0 && tl === 0) return null;
  const j = k + Math.max(wl, tl);
  const text = tokens
    .slice(k, j)
    .map((t) => t.lower)
    .join(' ');
  return { role: wl >= tl ? word!.value : title!.value.role, text, j };
}

/** Role references of the whole report, resolved to named people. */
export function roleReferences(
  gaz: Gazetteer,
  tokens: Token[],
  sentences: Sentence[],
  gazBySentence: GazMention[][],
  named: PersonMention[],
): PersonMention[] {
  const people = [...new Set(named.map((m) => m.person))];
  if (people.length === 0) return [];
  const count = new Map<Person, number>();
  for (const m of named) count.set(m.person, (count.get(m.person) ?? 0) + 1);
  const namedAt = new Set<number>();
  for (const m of named) for (let k = m.i; k < m.j; k++) namedAt.add(k);
  const out: PersonMention[] = [];
  for (const s of sentences) {
    const hits = gazBySentence[s.index];
    for (let k = s.t0; k < s.t1; k++) {
      if (tokens[k].kind !== 'word' || namedAt.has(k)) continue;
      const r = roleAt(gaz, tokens, k, s.t1);
      if (!r) continue;
      // "Foreign Minister Wang Yi": a title before a name is no reference of its own.
      const next = tokens[r.j];
      if (next && next.kind === 'word' && next.cap && !gaz.nameStop.has(next.lower)) continue;
      let b = k;
      const natHit = hits.find((g) => g.actor && (g.j === b || (g.j === b - 1 && tokens[b - 1].lower === "'s")));
      if (natHit) b = natHit.i;
      const det = b > s.t0 && DETERMINERS.has(tokens[b - 1].lower);
      if (!det && !natHit) continue;
      const nat = natHit?.actor;
      let cands = people.filter((p) => !nat || p.affiliation === nat);
      if (r.role !== 'counterpart') {
        const byTitle = cands.filter((p) => p.title !== undefined && p.title.toLowerCase().includes(r.text));
        cands = byTitle.length > 0 ? byTitle : cands.filter((p) => p.role === r.role);
      } else if (!nat) continue;
      if (cands.length === 0 && nat) {
        // Nobody of that nationality is introduced: the most-mentioned person whose nationality the report never states.
        const unknown = people
          .filter((p) => p.affiliation === undefined && (p.role === undefined || p.role === r.role))
          .sort((x, y) => (count.get(y) ?? 0) - (count.get(x) ?? 0));
        if (unknown[0] && (count.get(unknown[0]) ?? 0) >= 2) cands = [unknown[0]];
      }
      if (cands.length === 0) continue;
      const before = named.filter((n) => n.j <= b && cands.includes(n.person));
      const pick =
        before.length > 0 ? before[before.length - 1].person : named.find((n) => cands.includes(n.person))?.person;
      if (pick) out.push({ i: b, j: r.j, start: tokens[b].start, end: tokens[r.j - 1].end, person: pick });
      k = r.j - 1;
    }
  }
  return out;
}
