/**
 * The desk's one socket, on the desk stream: every report as it is taken or re-folded (with its
 * crises), flags, crises made, changed or removed, re-assignment progress, and the signed-in
 * user's in-app alerts. The desk's views subscribe to it rather than each opening a socket.
 */
import { useCallback, useEffect, useRef, useState, useLayoutEffect } from 'react';
import type { Change } from '../../../../shared/events.js';
import { connect, type ConnectionStatus } from '../../realtime/connection.js';

export type DeskListener = {
  onChange?(change: Change): void;
  /** A snapshot came after the first: changes may have been missed, read the lists again. */
  onResync?(): void;
};

export type DeskStream = {
  status: ConnectionStatus;
  subscribe(listener: DeskListener): () => void;
};

export function useDeskStream(): DeskStream {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const listeners = useRef(new Set<DeskListener>());

  useEffect(() => {
    let snapshots = 0;
    const connection = connect(
      undefined,
      { desk: true },
      {
        // The first snapshot comes with connecting; a later one means the stream could not be resumed.
        onSnapshot: () => {
          if (snapshots++ > 0) for (const l of listeners.current) l.onResync?.();
        },
        onChange: (change) => {
          for (const l of listeners.current) l.onChange?.(change);
        },
        onStatus: setStatus,
      },
    );
    return () => connection.close();
  }, []);

  const subscribe = useCallback((listener: DeskListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  return { status, subscribe };
}

/** Subscribes a component to the desk stream for as long as it is mounted; the handlers may change freely. */
export function useDeskListener(stream: DeskStream, listener: DeskListener): void {
  const ref = useRef(listener);
  useLayoutEffect(() => {
    ref.current = listener;
  });
  const { subscribe } = stream;
  useEffect(
    () =>
      subscribe({
        onChange: (change) => ref.current.onChange?.(change),
        onResync: () => ref.current.onResync?.(),
      }),
    [subscribe],
  );
}
