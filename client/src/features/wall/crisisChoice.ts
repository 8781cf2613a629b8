/**
 * Pure: which crisis a wall shows, from its URL and the crises that exist.
 *
 * - `?crisis=taiwan-strait` shows one crisis (default: the server's default, the first made).
 * - `?crises=russia-ukraine,china-taiwan` turns through those crises, one at a time, every
 *   `rotateCrisesSeconds` (default 60, 5 … 3600), Grafana-playlist style; `?crises=all` turns
 *   through every crisis there is, in the order they were made.
 *
 * A crisis named that does not exist (or no longer does) is skipped, and the wall says so; with
 * nothing left to show, it falls back to the default crisis.
 */

export type CrisisChoice = {
  /** The one crisis asked for (?crisis=), or null for the default. */
  crisis: string | null;
  /** The playlist (?crises=): slugs, 'all', or null when the wall shows one crisis. */
  playlist: string[] | 'all' | null;
  /** Seconds per crisis in a playlist. */
  rotateSeconds: number;
};

export const DEFAULT_CRISIS_SECONDS = 60;
export const MIN_CRISIS_SECONDS = 5;
export const MAX_CRISIS_SECONDS = 3600;
/** Bounds a playlist, whatever a URL says. */
export const MAX_PLAYLIST = 20;

/** The shape of a crisis slug (shared/crisis.ts; repeated here so the wall does not load zod). */
const SLUG = /^[a-z0-9-]{2,40}$/;

export function parseCrisisChoice(search: string): CrisisChoice {
  const params = new URLSearchParams(search);
  const one = params.get('crisis')?.trim().toLowerCase() ?? '';
  const listText = params.get('crises')?.trim().toLowerCase() ?? '';
  const slugs = listText
    .split(',')
    .map((s) => s.trim())
    .filter((s, i, all) => SLUG.test(s) && all.indexOf(s) === i)
    .slice(0, MAX_PLAYLIST);
  const seconds = Number(params.get('rotateCrisesSeconds'));
  return {
    crisis: SLUG.test(one) ? one : null,
    playlist: listText === 'all' ? 'all' : slugs.length > 0 ? slugs : null,
    rotateSeconds:
      params.has('rotateCrisesSeconds') && Number.isFinite(seconds) && seconds > 0
        ? Math.min(MAX_CRISIS_SECONDS, Math.max(MIN_CRISIS_SECONDS, Math.round(seconds)))
        : DEFAULT_CRISIS_SECONDS,
  };
}

/**
 * The crises a playlist turns through now: those of the URL that exist (all of them until the
 * crises are known), every crisis for 'all'; empty for a wall showing one crisis.
 */
export function playlistOf(choice: CrisisChoice, known: readonly string[] | null): string[] {
  if (choice.playlist === null) return [];
  if (choice.playlist === 'all') return known ? [...known] : [];
  return known ? choice.playlist.filter((s) => known.includes(s)) : choice.playlist;
}

/**
 * The crisis to show: the playlist's `turn`-th, else the one asked for, else the default (the
 * first made); undefined while that cannot be known yet (the server then picks its default).
 */
export function crisisToShow(choice: CrisisChoice, known: readonly string[] | null, turn: number): string | undefined {
  const playlist = playlistOf(choice, known);
  if (playlist.length > 0) return playlist[turn % playlist.length];
  if (choice.crisis !== null && (known === null || known.includes(choice.crisis))) return choice.crisis;
  return known?.[0];
}

/** Crises the URL names that do not exist: the wall says it is not showing them. */
export function missingCrises(choice: CrisisChoice, known: readonly string[] | null): string[] {
  if (known === null) return [];
  const asked = [...(choice.crisis ? [choice.crisis] : []), ...(Array.isArray(choice.playlist) ? choice.playlist : [])];
  return asked.filter((s, i) => !known.includes(s) && asked.indexOf(s) === i);
}
