/** React hook: the live public state, the connection status and when data last arrived. */
import { useEffect, useRef, useState } from 'react';
import type { Change } from '../../../shared/events.js';
import type { PublicState } from '../../../shared/state.js';
import { applyChange } from './applyChange.js';
import { connect, type ConnectionStatus } from './connection.js';

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
};

export function useCrisisState(token: string | undefined, onChange?: (change: Change) => void): CrisisFeed {
  const [feed, setFeed] = useState<CrisisFeed>({
    state: null,
    status: 'connecting',
    lastDataAt: null,
    disconnectedAt: null,
    newBuild: null,
    lastChange: null,
  });
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const connection = connect(token, {
      onSnapshot: (state) => setFeed((f) => ({ ...f, state, lastDataAt: Date.now() })),
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
    });
    return () => connection.close();
  }, [token]);

  return feed;
}
