/**
 * Normalised keys for actors and meeting participants, so "US", "United States" and
 * "Washington" are one party, and "Antony Blinken", "Blinken" and "Blinken's" one person.
 * The alias table is data (aliases.json), nothing here is specific to one crisis.
 */
import aliasTable from './aliases.json' with { type: 'json' };

const canonicalByAlias = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(aliasTable as Record<string, string | string[]>)) {
  if (canonical.startsWith('_') || !Array.isArray(aliases)) continue;
  for (const name of [canonical, ...aliases]) canonicalByAlias.set(fold(name), canonical);
}

function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}\p{N}. ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The canonical name of a known actor ("Washington" → "United States"), or the name as given. */
export function canonicalName(name: string): string {
  return canonicalByAlias.get(fold(name)) ?? name.trim();
}

/**
 * The comparison key of a participant: the lower-cased canonical name of a known actor,
 * else the last word of the name (people are named in full once and by surname after).
 */
export function participantKey(name: string): string {
  const known = canonicalByAlias.get(fold(name));
  if (known) return known.toLowerCase();
  const words = fold(name).replace(/\./g, '').split(' ').filter(Boolean);
  return words.length > 0 ? words[words.length - 1] : '';
}

/** The pair key of a signal's actors: distinct canonical names, sorted, joined by "|"; null unless two or more. */
export function pairKey(actors: readonly string[] | undefined): string | null {
  if (!actors) return null;
  const names = [...new Set(actors.map(canonicalName).filter(Boolean))].sort();
  return names.length >= 2 ? names.join('|') : null;
}
