/**
 * Which crisis the wall shows now, and what it should say about the crises it was asked for
 * but cannot show. The crises are read from GET /api/crises (with the wall's display token);
 * a crisis the socket reports unknown is skipped until a list read after that says it exists.
 *
 * A playlist turns one socket from crisis to crisis (`crisis.select`) rather than holding a
 * socket per crisis: a wall shows one crisis at a time, so sockets for the hidden ones would
 * multiply the server's connections and catch-up work by the playlist's length for nothing on
 * screen; the switch costs one snapshot, which the server reads from the crisis' public view.
 */
import { useCallback, useMemo, useState } from 'react';
import { useCrisisList } from '../../api/useCrisisList.js';
import { crisisToShow, missingCrises, playlistOf, type CrisisChoice } from './crisisChoice.js';
import { useRotation } from './useRotation.js';

export type WallCrisis = {
  /** The crisis to follow (undefined: the server's default, until the crises are known). */
  wanted: string | undefined;
  /** The playlist turned through now (empty for a wall showing one crisis), and where it is. */
  playlist: string[];
  turn: number;
  /** The crisis' name (the slug until the crises are read; kept for crises since removed). */
  nameOf(slug: string): string;
  /** Crises asked for that cannot be shown, in words ("“Taiwan drill” was removed"). */
  notices: string[];
  /** The socket said a crisis does not exist: skip it and read the crises again. */
  markGone(slug: string): void;
};

export function useWallCrisis(token: string | undefined, choice: CrisisChoice): WallCrisis {
  const list = useCrisisList(token);
  const { refresh } = list;
  // slug → when the socket said it is gone; a list read after that moment is believed over it.
  const [gone, setGone] = useState<ReadonlyMap<string, number>>(new Map());
  // Every crisis' name as last listed, also once it is gone (for the "was removed" notice);
  // taken in during render when a new list arrives (React's "adjusting state" pattern).
  const named = (crises: typeof list.crises) => (crises ?? []).map((c) => [c.slug, c.name] as const);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map(named(list.crises)));
  const [namesOf, setNamesOf] = useState(list.crises);
  if (namesOf !== list.crises) {
    setNamesOf(list.crises);
    setNames((seen) => new Map([...seen, ...named(list.crises)]));
  }

  const known = useMemo(
    () =>
      list.crises?.filter((c) => !(gone.has(c.slug) && gone.get(c.slug)! >= list.askedAt)).map((c) => c.slug) ?? null,
    [list.crises, list.askedAt, gone],
  );
  const playlist = playlistOf(choice, known);
  const turn = useRotation(playlist.length, playlist.length > 1 ? choice.rotateSeconds : null);
  const wanted = crisisToShow(choice, known, turn);

  const nameOf = useCallback((slug: string) => names.get(slug) ?? slug, [names]);
  const markGone = useCallback(
    (slug: string) => {
      setGone((g) => new Map(g).set(slug, Date.now()));
      refresh();
    },
    [refresh],
  );

  const removed = [...gone.keys()].filter((s) => known !== null && !known.includes(s) && names.has(s));
  const notices = [
    ...removed.map((s) => `“${nameOf(s)}” was removed`),
    ...missingCrises(choice, known)
      .filter((s) => !removed.includes(s))
      .map((s) => `no crisis “${s}”`),
  ];
  return { wanted, playlist, turn, nameOf, notices, markGone };
}
