/**
 * React hook: the live public state of one stream (a crisis, or the desk stream), the connection
 * status, when data last arrived, and whether the crisis asked for is unknown. Changing `crisis`
 * switches the same socket to that crisis.
 */
import { useEffect, useRef, useState, useLayoutEffect } from 'react';
import type { Change } from '../../../shared/events.js';
import type { PublicState } from '../../../shared/state.js';
import { applyChange } from './applyChange.js';
import { connect, type Connection, type ConnectionStatus, type UnknownCrisis } from './connection.js';

export type CrisisFeed = {
  state: PublicState | null;
  status: ConnectionStatus;
  statusDetail?: string;
  /** ms epoch of the last snapshot or change received. */
  lastDataAt: number | null;
  /** ms epoch when the connection was lost (null while live). */
  disconnectedAt: number | null;
  newBuild: string | null;
  lastChange: Change | null;
  /** The server's word that the crisis asked for does not exist (or was removed); null once another is followed. */
  unknown: UnknownCrisis | null;
};

export type StreamOptions = {
  /** The crisis to follow (its slug); the server's default crisis while undefined. */
  crisis?: string;
  /** Follow the desk stream (every report, flags, crises, the user's alerts) instead of a crisis. */
  desk?: boolean;
  onChange?: (change: Change) => void;
};

export function useCrisisState(token: string | undefined, options: StreamOptions = {}): CrisisFeed {
  const { crisis, desk = false } = options;
  const [feed, setFeed] = useState<CrisisFeed>({
    state: null,
    status: 'connecting',
    lastDataAt: null,
    disconnectedAt: null,
    newBuild: null,
    lastChange: null,
    unknown: null,
  });
  const onChangeRef = useRef(options.onChange);
  const connection = useRef<Connection | null>(null);
  // Read when a socket is made; later changes of crisis go through select, not a new socket.
  const crisisRef = useRef(crisis);
  // Before the effects below (effects run in order): they read the latest of both.
  useLayoutEffect(() => {
    onChangeRef.current = options.onChange;
    crisisRef.current = crisis;
  });

  useEffect(() => {
    const request = desk ? { desk: true as const } : { crisis: crisisRef.current };
    const c = connect(token, request, {
      onSnapshot: (state) => setFeed((f) => ({ ...f, state, unknown: null, lastDataAt: Date.now() })),
      onChange: (change) => {
        onChangeRef.current?.(change);
        setFeed((f) =>
          f.state ? { ...f, state: applyChange(f.state, change), lastDataAt: Date.now(), lastChange: change } : f,
        );
      },
      onStatus: (status, detail) =>
        setFeed((f) => ({
          ...f,
          status,
          statusDetail: detail,
          disconnectedAt: status === 'live' ? null : (f.disconnectedAt ?? (f.status === 'live' ? Date.now() : null)),
        })),
      onVersion: (build) =>
        setFeed((f) => ({ ...f, newBuild: build !== __BUILD_ID__ && build !== 'dev' ? build : null })),
      onUnknownCrisis: (unknown) => setFeed((f) => ({ ...f, unknown })),
    });
    connection.current = c;
    return () => {
      connection.current = null;
      c.close();
    };
  }, [token, desk]);

  useEffect(() => {
    if (crisis !== undefined && !desk) connection.current?.select(crisis);
  }, [crisis, desk]);

  return feed;
}
