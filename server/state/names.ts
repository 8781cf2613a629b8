/**
 * Normalised keys for actors and meeting participants, so "US", "United States" and
 * "Washington" are one party, and "Antony Blinken", "Blinken" and "Lavrov's delegation"
 * compare by surname. The alias table is data (aliases.json): nothing here is specific
 * to one crisis.
 */
import table from './aliases.json' with { type: 'json' };

const data = table as { actors: Record<string, string[]>; ignoredWords: string[] };
const canonicalByAlias = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(data.actors))
  for (const name of [canonical, ...aliases]) canonicalByAlias.set(fold(name), canonical);
const ignored = new Set(data.ignoredWords.map((w) => w.toLowerCase()));

/**
 * Memoises a pure string function: the fold runs these on every mention of every meeting,
 * and the same few names recur. Cleared when large so memory stays bounded.
 */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= 5000) cache.clear();
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}

function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.'’ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Looks a folded name up, also without a leading "the" ("the White House"). */
function lookup(folded: string): string | undefined {
  return canonicalByAlias.get(folded) ?? canonicalByAlias.get(folded.replace(/^the /, ''));
}

/** The canonical name of a known actor ("Washington" → "United States"), or the name as given. */
export const canonicalName = memo((name: string): string => lookup(fold(name)) ?? name.trim());

/** Whether a name names someone directly (not "Lavrov's delegation" or "the Russian side"). */
export const isPlainName = memo((name: string): boolean => {
  const words = fold(name).split(' ');
  return !words.some((w) => /['’]s$/.test(w) || ignored.has(w));
});

/**
 * The comparison key of a participant: the lower-cased canonical name of a known actor;
 * else the owner of a possessive ("Lavrov's delegation" → "lavrov"); else the last word
 * that is not a group word ("the Russian delegation" → "russian" → "russia"), since
 * people are named in full once and by surname after.
 */
export const participantKey = memo((name: string): string => {
  const folded = fold(name);
  const known = lookup(folded);
  if (known) return known.toLowerCase();
  const words = folded.split(' ').filter(Boolean);
  const owner = words.find((w) => /['’]s$/.test(w));
  const meaningful = words.filter((w) => !ignored.has(w));
  const word = (owner ?? meaningful[meaningful.length - 1] ?? '').replace(/['’]s$/, '').replace(/['’.]/g, '');
  return canonicalByAlias.get(word)?.toLowerCase() ?? word;
});

/** The pair key of a signal's actors: distinct canonical names, sorted, joined by "|"; null unless two or more. */
export function pairKey(actors: readonly string[] | undefined): string | null {
  if (!actors || actors.length < 2) return null;
  return pairOf(actors.join('\u0000'));
}

const pairOf = memo((joined: string): string | null => {
  const names = [...new Set(joined.split('\u0000').map(canonicalName).filter(Boolean))].sort();
  return names.length >= 2 ? names.join('|') : null;
});
