/**
 * Socket.IO for live clients. The handshake is authenticated (display/ingest token or the
 * session cookie) and validated with zod; a client that sends `since` gets exactly what it
 * missed from the change stream, otherwise a snapshot; then live changes in seq order.
 */
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import {
  socketAuthSchema,
  type Change,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../shared/events.js';
import { can, type SessionResolver, type TokenResolver } from '../http/auth.js';
import type { Metrics } from '../metrics.js';
import { compareSeq, type ChangeStream } from '../storage/changeStream.js';
import type { SnapshotReader } from '../storage/snapshot.js';
import type { ChangeTailer } from './changeTailer.js';
import { broadcastToRoom } from './frameBroadcast.js';

export type CrisisServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type CrisisSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Room of sockets that are caught up and receive live changes. */
const LIVE_ROOM = 'live';
/** Caught-up sockets of one user: in-app alerts go only there. */
const liveUserRoom = (name: string) => `live:user:${name}`;
const CATCH_UP_PAGE = 1000;

export type RealtimeDeps = {
  stream: ChangeStream;
  snapshots: SnapshotReader;
  tokens: TokenResolver;
  sessions?: SessionResolver;
  metrics: Metrics;
  log: Logger;
  build: string;
};

export function createSocketServer(httpServer: HttpServer, deps: RealtimeDeps) {
  const io: CrisisServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024, // clients send little; a large frame is hostile
    pingInterval: 10_000,
    pingTimeout: 5_000,
  });
  let tailer: ChangeTailer | null = null;

  io.use((socket, next) => {
    const parsed = socketAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(new Error(`invalid handshake: ${parsed.error.issues[0]?.message}`));
    const { token } = parsed.data;
    const resolve = token ? deps.tokens(token) : (deps.sessions?.(socket.request) ?? Promise.resolve(null));
    resolve.then(
      (principal) => {
        if (!principal) return next(new Error('unauthorized: send auth.token (display token) or sign in'));
        if (!can(principal.role, 'read')) return next(new Error('forbidden'));
        socket.data.user = { username: principal.name, role: principal.role };
        socket.data.via =
          principal.kind === 'session' ? 'session' : principal.role === 'ingest' ? 'ingest-token' : 'display-token';
        next();
      },
      () => next(new Error('authentication unavailable; retry')),
    );
  });

  io.on('connection', (socket) => {
    // Authenticated: drop the handshake's HTTP request (socket, parser, buffers), as Socket.IO's
    // memory-usage guide advises, and of its headers keep only the cookie the revocation sweep
    // re-checks (auth/socketRevocation.ts): a wall holds sockets for days, thousands at a time.
    (socket.conn as unknown as { request: unknown }).request = null;
    const { cookie } = socket.handshake.headers;
    socket.handshake.headers = cookie === undefined ? {} : { cookie };
    deps.metrics.socketsConnected.inc();
    socket.on('disconnect', () => deps.metrics.socketsConnected.dec());
    socket.emit('version', { build: deps.build });
    socket.on('state.request', () => {
      deps.snapshots.read().then(
        (state) => socket.emit('snapshot', state),
        (err: unknown) => deps.log.warn({ err }, 'snapshot failed'),
      );
    });
    const since = socketAuthSchema.safeParse(socket.handshake.auth ?? {}).data?.since;
    catchUp(socket, since).catch((err: unknown) => {
      deps.log.warn({ err: (err as Error).message }, 'catch-up failed; disconnecting so the client retries');
      socket.disconnect(true);
    });
  });

  /** Brings one socket up to the tailer's position, then lets it join the live room in the same tick. */
  async function catchUp(socket: CrisisSocket, since: string | undefined): Promise<void> {
    if (!tailer) throw new Error('realtime not started');
    let cursor: string;
    if (since && (await deps.stream.reachesBackTo(since))) {
      cursor = since;
    } else {
      const snapshot = await deps.snapshots.read();
      socket.emit('snapshot', snapshot);
      cursor = snapshot.seq;
    }
    for (;;) {
      if (!socket.connected) return;
      await tailer.reached(cursor);
      const upTo = tailer.lastSeq;
      if (compareSeq(cursor, upTo) >= 0) {
        // Synchronous for the in-memory adapter: no change can slip in between the check and the join.
        void socket.join(socket.data.user ? [LIVE_ROOM, liveUserRoom(socket.data.user.username)] : LIVE_ROOM);
        return;
      }
      const missed = await deps.stream.readRange(cursor, upTo, CATCH_UP_PAGE);
      for (const change of missed) {
        if (isFor(change, socket)) socket.emit('change', change);
        cursor = change.seq;
      }
      if (missed.length < CATCH_UP_PAGE) cursor = compareSeq(cursor, upTo) < 0 ? upTo : cursor;
    }
  }

  function isFor(change: Change, socket: CrisisSocket): boolean {
    return change.type !== 'alert.fired' || change.userId === socket.data.user?.username;
  }

  /** Room a change is for: in-app alerts go to their user's sockets, everything else to all. */
  const roomOf = (change: Change) => (change.type === 'alert.fired' ? liveUserRoom(change.userId) : LIVE_ROOM);

  /**
   * Called by the tailer with each batch of new changes, in seq order. Consecutive changes for
   * the same room go out together (one write per socket, see frameBroadcast.ts), so a backlog
   * drains in one pass instead of one pass per change.
   */
  function emit(changes: readonly Change[]): void {
    for (let start = 0; start < changes.length;) {
      const room = roomOf(changes[start]);
      let end = start + 1;
      while (end < changes.length && roomOf(changes[end]) === room) end++;
      broadcastToRoom(io, room, 'change', changes.slice(start, end));
      start = end;
    }
    const now = Date.now();
    for (const change of changes) {
      deps.metrics.changesEmitted.inc({ type: change.type });
      if (change.type === 'report.added') {
        deps.metrics.e2eLatency.observe((now - Date.parse(change.report.receivedAt)) / 1000);
      }
    }
  }

  return {
    io,
    emit,
    attach(t: ChangeTailer) {
      tailer = t;
    },
    /** Tells every client a new build is deployed (kiosks reload). */
    announceBuild() {
      io.emit('version', { build: deps.build });
    },
  };
}
