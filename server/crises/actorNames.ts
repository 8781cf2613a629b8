/**
 * The one door from routing to the gazetteer's actors (server/extract/gazetteer/actors.json): which
 * names, aliases and demonyms stand for a country, body or armed group. A change of that file's
 * shape is followed here and nowhere else.
 *
 * Kept: the name, aliases and demonyms that are proper names (they hold a capital letter). A
 * leading "the" is dropped ("the Kremlin" → "Kremlin"); a generic alias ("the alliance") is not a
 * name and is left out, since routing finds names in any text.
 */
import actorsData from '../extract/gazetteer/actors.json' with { type: 'json' };

/** How one actor can be named in a text. */
export interface ActorNames {
  /** The canonical name, as the gazetteer (and so the extraction) writes it: "Russia". */
  name: string;
  kind: string;
  /** The name and its aliases: "Russia", "Russian Federation", "Kremlin", "Moscow". */
  names: string[];
  /** Nationality words: "Russian", "Russians". */
  demonyms: string[];
}

interface RawActor {
  name: string;
  kind: string;
  aliases: string[];
  demonyms?: string[];
}

const HAS_CAPITAL = /\p{Lu}/u;

function properNames(forms: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of forms) {
    const t = f.trim().replace(/^the\s+/i, '');
    if (t && HAS_CAPITAL.test(t)) out.add(t);
  }
  return [...out];
}

/** Reads raw gazetteer actors into ActorNames (exported for tests with hand-made data). */
export function readActors(raw: readonly RawActor[]): ActorNames[] {
  return raw.map((a) => ({
    name: a.name,
    kind: a.kind,
    names: properNames([a.name, ...a.aliases]),
    demonyms: properNames(a.demonyms ?? []),
  }));
}

/** Every actor of the project's gazetteer. */
export const gazetteerActors: readonly ActorNames[] = readActors((actorsData as { actors: RawActor[] }).actors);

/** Finds actors by any of their names (case-insensitive); built once per list. */
export function actorLookup(actors: readonly ActorNames[]): (name: string) => ActorNames | undefined {
  const byName = new Map<string, ActorNames>();
  for (const a of actors)
    for (const n of [a.name, ...a.names]) {
      const k = n.toLowerCase();
      if (!byName.has(k)) byName.set(k, a);
    }
  return (name) =>
    byName.get(
      name
        .trim()
        .replace(/^the\s+/i, '')
        .toLowerCase(),
    );
}
