/**
 * The crises as the desk sees them: GET /api/crises, then kept live by the desk stream
 * (crisis.changed makes, changes or removes one; crisis.reassignment moves the progress of
 * re-assigning every report after a change of rules).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Crisis } from '../../../../../shared/crisis.js';
import type { ReassignmentProgress } from '../../../../../shared/events.js';
import { fetchCrises } from '../../../api/crises.js';
import { useDeskListener, type DeskStream } from '../useDeskStream.js';

export type DeskCrises = {
  /** In the order they were made (the first is the default crisis); null until read. */
  crises: Crisis[] | null;
  reassignment: ReassignmentProgress | null;
  error: string | null;
  /** Puts a crisis the server just answered with in place, before its change comes on the stream. */
  upsert(crisis: Crisis): void;
  remove(slug: string): void;
};

/** Keeps the creation order (ties: by slug) whatever order changes arrive in. */
function ordered(crises: Crisis[]): Crisis[] {
  return [...crises].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.slug.localeCompare(b.slug));
}

export function useCrises(stream: DeskStream): DeskCrises {
  const [crises, setCrises] = useState<Crisis[] | null>(null);
  const [reassignment, setReassignment] = useState<ReassignmentProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    fetchCrises().then(
      (listing) => {
        setCrises(ordered(listing.crises));
        // A newer progress from the stream wins over an older read.
        setReassignment((cur) =>
          cur && listing.reassignment && cur.version > listing.reassignment.version ? cur : listing.reassignment,
        );
        setError(null);
      },
      (err: unknown) => setError((err as Error).message),
    );
  }, []);
  useEffect(load, [load]);

  const upsert = useCallback(
    (crisis: Crisis) => setCrises((cur) => ordered([...(cur ?? []).filter((c) => c.slug !== crisis.slug), crisis])),
    [],
  );
  const remove = useCallback((slug: string) => setCrises((cur) => cur?.filter((c) => c.slug !== slug) ?? null), []);

  useDeskListener(stream, {
    onChange: (change) => {
      if (change.type === 'crisis.changed') {
        if (change.definition) upsert(change.definition);
        else remove(change.slug);
      } else if (change.type === 'crisis.reassignment') {
        setReassignment(change.progress);
      }
    },
    onResync: load,
  });

  return { crises, reassignment, error, upsert, remove };
}
