/**
 * The only importer of socket.io-client. A connection follows one stream (a crisis, or the desk
 * stream) and keeps its place in it: every (re)connection sends the last seq of that stream, so
 * the server replays exactly what was missed. `select` switches crisis on the same socket.
 * Reconnects with backoff.
 */
import { io, type Socket } from 'socket.io-client';
import type { Change, ClientToServerEvents, ServerToClientEvents } from '../../../shared/events.js';
import type { PublicState } from '../../../shared/state.js';
import { StreamCursor, type StreamRequest } from './streamCursor.js';

export type ConnectionStatus = 'connecting' | 'live' | 'disconnected';
export type UnknownCrisis = { crisis: string; message: string };

export type ConnectionHandlers = {
  onSnapshot(state: PublicState): void;
  onChange(change: Change): void;
  onStatus(status: ConnectionStatus, detail?: string): void;
  onVersion?(build: string): void;
  /** The crisis asked for does not exist, or the one followed was removed: choose another with `select`. */
  onUnknownCrisis?(info: UnknownCrisis): void;
};

export type Connection = {
  close(): void;
  lastSeq(): string | undefined;
  /** Follows another crisis from now on: its snapshot, then its changes only. */
  select(crisis: string): void;
};

/** The server refused the handshake for good (a retry would be refused again). */
const refusedForGood = (message: string) =>
  message.startsWith('unauthorized') || message === 'forbidden' || message.startsWith('invalid handshake');
const UNKNOWN_CRISIS = /^unknown crisis "([^"]*)"/;
const MIDDLEWARE_RETRY_MS = 5_000;
const MAX_HELD_CHANGES = 2_000;

export function connect(token: string | undefined, request: StreamRequest, handlers: ConnectionHandlers): Connection {
  const cursor = new StreamCursor(request);
  /** Changes that arrive while a fresh snapshot is on its way: applied after it, so none is lost. */
  let held: Change[] | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    // A function, so every reconnection sends the stream followed now and the newest seq in it.
    auth: (cb) => cb(cursor.auth(token)),
  });
  handlers.onStatus('connecting');
  socket.on('connect', () => handlers.onStatus('live'));
  socket.on('disconnect', (reason) => {
    held = null; // the snapshot asked for will not come on this connection; the next one brings one
    handlers.onStatus('disconnected', reason);
  });
  socket.on('connect_error', (err) => {
    handlers.onStatus('disconnected', err.message);
    const unknown = UNKNOWN_CRISIS.exec(err.message);
    if (unknown) {
      // Another crisis was selected since that handshake went out: ask for it now.
      if (!cursor.isAbout(unknown[1])) return void socket.connect();
      cursor.forget();
      handlers.onUnknownCrisis?.({ crisis: unknown[1], message: err.message });
      return; // connects again when the page selects another crisis
    }
    // Socket.IO does not retry a handshake its server middleware refused; a passing failure
    // ("authentication unavailable; retry") is retried here, a refusal is not.
    if (!socket.active && !refusedForGood(err.message)) {
      clearTimeout(retry);
      retry = setTimeout(() => socket.connect(), MIDDLEWARE_RETRY_MS);
    }
  });
  socket.on('snapshot', (state) => {
    if (!cursor.acceptSnapshot(state)) return;
    handlers.onSnapshot(state);
    const after = held ?? [];
    held = null;
    for (const change of after) if (cursor.acceptChange(change)) handlers.onChange(change);
  });
  socket.on('change', (change) => {
    if (held) {
      // Bounded: should the snapshot be slow to come, ask again rather than hold a crisis' whole day.
      if (held.push(change) > MAX_HELD_CHANGES) requestSnapshot();
      return;
    }
    if (!cursor.acceptChange(change)) return;
    handlers.onChange(change);
    // The crisis' picture is folded again from nothing: read it whole, holding what comes meanwhile.
    if (change.type === 'crisis.rebuilt') requestSnapshot();
  });
  function requestSnapshot(): void {
    held = [];
    cursor.needSnapshot();
    socket.emit('state.request');
  }
  socket.on('crisis.unknown', (info) => {
    if (!cursor.isAbout(info.crisis)) return; // about a crisis switched away from
    cursor.forget();
    held = null;
    handlers.onUnknownCrisis?.(info);
  });
  socket.on('version', ({ build }) => handlers.onVersion?.(build));
  return {
    close: () => {
      clearTimeout(retry);
      socket.close();
    },
    lastSeq: () => cursor.lastSeq,
    select: (crisis) => {
      if (cursor.following === crisis) return; // e.g. the default crisis, now named
      cursor.select(crisis);
      held = null;
      if (socket.connected) socket.emit('crisis.select', { crisis });
      // Disconnected: the next handshake asks for it. Refused (unknown crisis): connect again now.
      else if (!socket.active) socket.connect();
    },
  };
}
