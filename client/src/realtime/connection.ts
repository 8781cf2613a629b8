/**
 * The only importer of socket.io-client. Keeps the last seq and sends it on every
 * (re)connection, so the server replays exactly what was missed; reconnects with backoff.
 */
import { io, type Socket } from 'socket.io-client';
import type { Change, ClientToServerEvents, ServerToClientEvents } from '../../../shared/events.js';
import type { PublicState } from '../../../shared/state.js';

export type ConnectionStatus = 'connecting' | 'live' | 'disconnected';

export type ConnectionHandlers = {
  onSnapshot(state: PublicState): void;
  onChange(change: Change): void;
  onStatus(status: ConnectionStatus, detail?: string): void;
  onVersion?(build: string): void;
};

export type Connection = { close(): void; lastSeq(): string | undefined };

export function connect(token: string | undefined, handlers: ConnectionHandlers): Connection {
  let lastSeq: string | undefined;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    // A function, so every reconnection sends the newest seq.
    auth: (cb) => cb({ ...(token ? { token } : {}), ...(lastSeq ? { since: lastSeq } : {}) }),
  });
  handlers.onStatus('connecting');
  socket.on('connect', () => handlers.onStatus('live'));
  socket.on('disconnect', (reason) => handlers.onStatus('disconnected', reason));
  socket.on('connect_error', (err) => handlers.onStatus('disconnected', err.message));
  socket.on('snapshot', (state) => {
    lastSeq = state.seq;
    handlers.onSnapshot(state);
  });
  socket.on('change', (change) => {
    lastSeq = change.seq;
    handlers.onChange(change);
  });
  socket.on('version', ({ build }) => handlers.onVersion?.(build));
  return { close: () => socket.close(), lastSeq: () => lastSeq };
}
