/**
 * Socket.IO for live clients. The handshake is authenticated (display/ingest token or the
 * session cookie) and validated with zod. Each socket follows one stream: a crisis (`auth.crisis`,
 * the first crisis made when absent; `crisis.select` switches) or the desk stream of every report
 * (`auth.desk`). A client that sends `since` gets exactly what it missed on that stream,
 * otherwise a snapshot; then live changes in seq order, each carrying its `crisis`.
 */
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type { Crisis } from '../../shared/crisis.js';
import {
  crisisSelectSchema,
  socketAuthSchema,
  type Change,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../shared/events.js';
import { NotFound } from '../errors.js';
import { can, type SessionResolver, type TokenResolver } from '../http/auth.js';
import type { Metrics } from '../metrics.js';
import { ChangeStream, compareSeq } from '../storage/changeStream.js';
import type { CrisisStore } from '../storage/crisisStore.js';
import type { SnapshotReader } from '../storage/snapshot.js';
import type { ChangeTailer } from './changeTailer.js';
import { broadcastToRoom } from './frameBroadcast.js';

export type CrisisServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type CrisisSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Room of the sockets caught up on a stream: a crisis' slug, or the desk (null). */
const liveRoom = (crisis: string | null) => (crisis === null ? 'live:desk' : `live:crisis:${crisis}`);
/** Caught-up desk sockets of one user: in-app alerts go only there. */
const liveUserRoom = (name: string) => `live:user:${name}`;
const CATCH_UP_PAGE = 1000;

export type RealtimeDeps = {
  /** The command connection the streams are read with. */
  redis: import('ioredis').Redis;
  deskStreamKey: string;
  crisisStreamKey(slug: string): string;
  crises: CrisisStore;
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
  /** Per socket, the catch-up in progress: a newer one (crisis.select) makes the older stop. */
  const generation = new WeakMap<CrisisSocket, number>();

  const streamKey = (crisis: string | null) => (crisis === null ? deps.deskStreamKey : deps.crisisStreamKey(crisis));

  io.use((socket, next) => {
    const parsed = socketAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(new Error(`invalid handshake: ${parsed.error.issues[0]?.message}`));
    const { token, crisis, desk } = parsed.data;
    const resolve = token ? deps.tokens(token) : (deps.sessions?.(socket.request) ?? Promise.resolve(null));
    resolve
      .then(async (principal) => {
        if (!principal) return next(new Error('unauthorized: send auth.token (display token) or sign in'));
        if (!can(principal.role, 'read')) return next(new Error('forbidden'));
        socket.data.user = { username: principal.name, role: principal.role };
        socket.data.via =
          principal.kind === 'session' ? 'session' : principal.role === 'ingest' ? 'ingest-token' : 'display-token';
        if (desk) socket.data.crisis = null;
        else {
          const chosen = await deps.crises.resolve(crisis).catch((err: unknown) => {
            if (err instanceof NotFound) return undefined;
            throw err;
          });
          if (chosen === undefined)
            return next(new Error(`unknown crisis "${crisis}": ask GET /api/crises for the slugs`));
          // No crisis made yet: the socket follows the desk stream until one is chosen.
          socket.data.crisis = chosen?.slug ?? null;
        }
        next();
      })
      .catch(() => next(new Error('authentication unavailable; retry')));
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
      snapshotOf(socket.data.crisis).then(
        (state) => socket.emit('snapshot', state),
        (err: unknown) => deps.log.warn({ err }, 'snapshot failed'),
      );
    });
    socket.on('crisis.select', (raw) => {
      const parsed = crisisSelectSchema.safeParse(raw);
      const slug = parsed.success ? parsed.data.crisis : String((raw as { crisis?: unknown })?.crisis ?? '');
      void (parsed.success ? deps.crises.get(slug) : Promise.resolve(null)).then(
        (crisis) => {
          if (!crisis) {
            socket.emit('crisis.unknown', { crisis: slug, message: `No crisis with slug "${slug}"` });
            return;
          }
          leaveLive(socket);
          socket.data.crisis = crisis.slug;
          follow(socket, undefined);
        },
        (err: unknown) => deps.log.warn({ err: (err as Error).message }, 'crisis.select failed'),
      );
    });
    follow(socket, socketAuthSchema.safeParse(socket.handshake.auth ?? {}).data?.since);
  });

  async function snapshotOf(slug: string | null) {
    const crisis: Crisis | null = slug === null ? null : await deps.crises.get(slug);
    if (slug !== null && !crisis) throw new Error(`crisis ${slug} is gone`);
    return deps.snapshots.read(crisis);
  }

  function leaveLive(socket: CrisisSocket): void {
    for (const room of socket.rooms) if (room.startsWith('live:')) void socket.leave(room);
  }

  function follow(socket: CrisisSocket, since: string | undefined): void {
    const gen = (generation.get(socket) ?? 0) + 1;
    generation.set(socket, gen);
    catchUp(socket, since, gen).catch((err: unknown) => {
      deps.log.warn({ err: (err as Error).message }, 'catch-up failed; disconnecting so the client retries');
      socket.disconnect(true);
    });
  }

  /** Brings one socket up to the tailer's position on its stream, then lets it join the live room in the same tick. */
  async function catchUp(socket: CrisisSocket, since: string | undefined, gen: number): Promise<void> {
    if (!tailer) throw new Error('realtime not started');
    const crisis = socket.data.crisis;
    const key = streamKey(crisis);
    const stream = new ChangeStream(deps.redis, key, crisis);
    const current = () => socket.connected && generation.get(socket) === gen;
    let cursor: string;
    if (since && (await stream.reachesBackTo(since))) {
      cursor = since;
    } else {
      const snapshot = await snapshotOf(crisis);
      if (!current()) return;
      socket.emit('snapshot', snapshot);
      cursor = snapshot.seq;
    }
    for (;;) {
      if (!current()) return;
      await tailer.reached(key, cursor);
      if (!current()) return;
      const upTo = tailer.lastSeq(key);
      if (compareSeq(cursor, upTo) >= 0) {
        // Synchronous for the in-memory adapter: no change can slip in between the check and the join.
        const user = socket.data.user;
        void socket.join(crisis === null && user ? [liveRoom(null), liveUserRoom(user.username)] : liveRoom(crisis));
        return;
      }
      const missed = await stream.readRange(cursor, upTo, CATCH_UP_PAGE);
      if (!current()) return;
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

  /** Room a change is for: in-app alerts go to their user's sockets, everything else to its stream's room. */
  const roomOf = (change: Change) =>
    change.type === 'alert.fired' ? liveUserRoom(change.userId) : liveRoom(change.crisis);

  /**
   * Called by the tailer with each batch of new changes of one stream, in seq order. Consecutive
   * changes for the same room go out together (one write per socket, see frameBroadcast.ts), so
   * a backlog drains in one pass instead of one pass per change.
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
      // Each report is announced once on the desk stream: its latency from arrival is measured there.
      if (change.type === 'report.added' && change.crisis === null)
        deps.metrics.e2eLatency.observe((now - Date.parse(change.report.receivedAt)) / 1000);
      if (change.type === 'crisis.changed' && !change.definition) dropCrisis(change.slug);
    }
  }

  /** Sockets on a removed crisis are told, and stay connected until they choose another. */
  function dropCrisis(slug: string): void {
    deps.snapshots.forget(slug);
    for (const socket of io.of('/').sockets.values()) {
      if (socket.data.crisis !== slug) continue;
      leaveLive(socket);
      socket.emit('crisis.unknown', { crisis: slug, message: `The crisis "${slug}" was removed` });
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
