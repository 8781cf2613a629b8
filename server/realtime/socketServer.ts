/**
 * Socket.IO for live clients. The handshake is authenticated (display/ingest token or the
 * session cookie) and validated with zod. Each socket follows one stream: a crisis (`auth.crisis`,
 * the first crisis made when absent; `crisis.select` switches) or the desk stream of every report
 * (`auth.desk`). A client that sends `since` gets exactly what it missed on that stream,
 * otherwise a snapshot; then live changes in seq order, each carrying its `crisis`.
 *
 * Bounded per client: a resume from further back than MAX_REPLAY changes gets a snapshot instead
 * of the replay; `state.request` and `crisis.select` are limited per socket; one credential and
 * one client address may hold only so many sockets on a node (SOCKETS_PER_CREDENTIAL,
 * SOCKETS_PER_IP); a handshake signed in by the session cookie must come from the app's pages
 * (Origin); a session's sockets end at its absolute end. Tokens (wall screens, scripts) get
 * journalists' names taken out of what they are sent (redact.ts).
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
import { isAppHandshake } from '../auth/origin.js';
import { NotFound } from '../errors.js';
import { can } from '../../shared/roles.js';
import type { Principal, SessionResolver, TokenResolver } from '../auth/principal.js';
import { clientAddress, fromTrustedProxy, type TrustFn } from '../http/proxy.js';
import type { Metrics } from '../metrics.js';
import { compareSeq } from '../../shared/seq.js';
import { ChangeStream } from '../storage/changeStream.js';
import type { CrisisStore } from '../storage/crisisStore.js';
import type { SnapshotReader } from '../storage/snapshot.js';
import type { ChangeTailer } from './changeTailer.js';
import { broadcastToRoom, socketIoBroadcast } from './frameBroadcast.js';
import { publicChange, publicState } from './redact.js';

export type CrisisServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type CrisisSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Room of the sockets caught up on a stream: a crisis' slug, or the desk (null); signed-in users'
 * sockets in one, tokens' in another (`:public`), which is sent the changes without names.
 */
const liveRoom = (crisis: string | null, signedIn = true) =>
  `${crisis === null ? 'live:desk' : `live:crisis:${crisis}`}${signedIn ? '' : ':public'}`;
/**
 * Caught-up desk sockets of one signed-in user: in-app alerts go only there. Only session sockets
 * join it, so a user named like a token ("display", "ingest-token-1") shares nothing with it.
 */
const liveUserRoom = (name: string) => `live:user:session:${name}`;
const CATCH_UP_PAGE = 1000;
/** A client further behind than this many changes gets a snapshot, not a replay. */
export const MAX_REPLAY = 500;
/** Requests that make the server read a snapshot (`state.request`, `crisis.select`): a burst of this many, then one per interval. */
const REQUEST_BURST = 5;
const REQUEST_EVERY_MS = 2000;

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
  /** TRUST_PROXY, compiled: whose X-Forwarded-For names the client's address. */
  trust: TrustFn;
  /** PUBLIC_URL's origin, if set (the Origin a cookie handshake must carry). */
  publicOrigin?: string;
  /** Live sockets per credential and per client address on this node. */
  limits: { perCredential: number; perIp: number };
  /** FRAME_BROADCAST: changes fanned out by frameBroadcast.ts (engine.io internals) instead of Socket.IO's broadcast. */
  frameBroadcast?: boolean;
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
  /** Live sockets on this node per credential and per client address. */
  const held = { credential: new Map<string, number>(), address: new Map<string, number>() };
  const bump = (map: Map<string, number>, key: string, by: number) => {
    const n = (map.get(key) ?? 0) + by;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  };
  /** Per socket, its request allowance: a token bucket. */
  const allowance = new WeakMap<CrisisSocket, { tokens: number; at: number }>();
  const mayRequest = (socket: CrisisSocket, event: string): boolean => {
    const now = Date.now();
    const bucket = allowance.get(socket) ?? { tokens: REQUEST_BURST, at: now };
    bucket.tokens = Math.min(REQUEST_BURST, bucket.tokens + (now - bucket.at) / REQUEST_EVERY_MS);
    bucket.at = now;
    allowance.set(socket, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return true;
    }
    socket.emit('request.refused', {
      event,
      message: `Too many requests: at most ${REQUEST_BURST} at once, then one every ${REQUEST_EVERY_MS / 1000} s; changes keep arriving meanwhile`,
    });
    return false;
  };
  const signedIn = (socket: CrisisSocket) => socket.data.via === 'session';
  /** What a socket may be sent of a change or a snapshot. */
  const forSocket = <T extends Change>(socket: CrisisSocket, change: T): Change =>
    signedIn(socket) ? change : publicChange(change);

  /** Holds a place for the socket under its credential and address, or says why not. */
  function admit(socket: CrisisSocket, principal: Principal): string | null {
    const credential = `${principal.kind}:${principal.name}`;
    const address = clientAddress(socket.request, deps.trust);
    if ((held.credential.get(credential) ?? 0) >= deps.limits.perCredential)
      return `too many connections: ${principal.kind === 'session' ? `user ${principal.name}` : 'this token'} already holds ${deps.limits.perCredential} on this server; close other tabs or screens`;
    if ((held.address.get(address) ?? 0) >= deps.limits.perIp)
      return `too many connections: your address already holds ${deps.limits.perIp} on this server; close other tabs or screens`;
    bump(held.credential, credential, 1);
    bump(held.address, address, 1);
    socket.conn.once('close', () => {
      bump(held.credential, credential, -1);
      bump(held.address, address, -1);
    });
    return null;
  }

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
        if (
          principal.kind === 'session' &&
          !isAppHandshake(socket.request.headers, deps.publicOrigin, fromTrustedProxy(socket.request, deps.trust))
        )
          return next(
            new Error('forbidden: a socket signed in with the session cookie must come from the app itself (Origin)'),
          );
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
        const refused = admit(socket, principal);
        if (refused) return next(new Error(refused));
        socket.data.expiresAt = principal.expiresAt;
        next();
      })
      .catch(() => next(new Error('authentication unavailable; retry')));
  });

  io.on('connection', (socket) => {
    // Authenticated: drop the handshake's HTTP request (socket, parser, buffers), as Socket.IO's
    // memory-usage guide advises, and of its headers keep only the cookie the revocation sweep
    // re-checks (socketRevocation.ts): a wall holds sockets for days, thousands at a time.
    (socket.conn as unknown as { request: unknown }).request = null;
    const { cookie } = socket.handshake.headers;
    socket.handshake.headers = cookie === undefined ? {} : { cookie };
    deps.metrics.socketsConnected.inc();
    // A session's sockets end with it, at its absolute end (the sweep in socketRevocation.ts is the backstop).
    const expiresIn = socket.data.expiresAt === undefined ? undefined : socket.data.expiresAt - Date.now();
    const expiry =
      expiresIn === undefined ? undefined : setTimeout(() => socket.disconnect(true), Math.max(0, expiresIn));
    socket.on('disconnect', () => {
      deps.metrics.socketsConnected.dec();
      clearTimeout(expiry);
    });
    socket.emit('version', { build: deps.build });
    socket.on('state.request', () => {
      if (!mayRequest(socket, 'state.request')) return;
      snapshotOf(socket.data.crisis, signedIn(socket)).then(
        (state) => socket.emit('snapshot', state),
        (err: unknown) => deps.log.warn({ err }, 'snapshot failed'),
      );
    });
    socket.on('crisis.select', (raw) => {
      if (!mayRequest(socket, 'crisis.select')) return;
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

  async function snapshotOf(slug: string | null, named: boolean) {
    const crisis: Crisis | null = slug === null ? null : await deps.crises.get(slug);
    if (slug !== null && !crisis) throw new Error(`crisis ${slug} is gone`);
    const state = await deps.snapshots.read(crisis);
    return named ? state : publicState(state);
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
    let cursor = '0-0';
    /** Changes replayed since the client's own seq; null once it was sent a snapshot. */
    let replayed: number | null = null;
    const sendSnapshot = async () => {
      const snapshot = await snapshotOf(crisis, signedIn(socket));
      if (!current()) return false;
      socket.emit('snapshot', snapshot);
      cursor = snapshot.seq;
      replayed = null;
      return true;
    };
    // `0-0` (everything) or a seq trimmed away: a snapshot, never a replay of the whole stream.
    if (since && since !== '0-0' && (await stream.reachesBackTo(since))) {
      cursor = since;
      replayed = 0;
    } else if (!(await sendSnapshot())) return;
    for (;;) {
      if (!current()) return;
      await tailer.reached(key, cursor);
      if (!current()) return;
      const upTo = tailer.lastSeq(key);
      if (compareSeq(cursor, upTo) >= 0) {
        // Synchronous for the in-memory adapter: no change can slip in between the check and the join.
        const user = socket.data.user;
        const named = signedIn(socket);
        void socket.join(
          crisis === null && user && named ? [liveRoom(null), liveUserRoom(user.username)] : liveRoom(crisis, named),
        );
        return;
      }
      // Reading one past what a replay may send tells whether the client is too far behind.
      const missed = await stream.readRange(
        cursor,
        upTo,
        replayed === null ? CATCH_UP_PAGE : MAX_REPLAY - replayed + 1,
      );
      if (!current()) return;
      if (replayed !== null && replayed + missed.length > MAX_REPLAY) {
        if (!(await sendSnapshot())) return;
        continue;
      }
      if (replayed !== null) replayed += missed.length;
      for (const change of missed) {
        if (isFor(change, socket)) socket.emit('change', forSocket(socket, change));
        cursor = change.seq;
      }
      if (missed.length < CATCH_UP_PAGE) cursor = compareSeq(cursor, upTo) < 0 ? upTo : cursor;
    }
  }

  function isFor(change: Change, socket: CrisisSocket): boolean {
    return change.type !== 'alert.fired' || (signedIn(socket) && change.userId === socket.data.user?.username);
  }

  // The direct path (FRAME_BROADCAST, the default) leans on engine.io's private fields; Socket.IO's own when it is off.
  const broadcast = deps.frameBroadcast ? broadcastToRoom : socketIoBroadcast;

  /** Room a change is for: in-app alerts go to their user's sockets, everything else to its stream's room. */
  const roomOf = (change: Change) =>
    change.type === 'alert.fired' ? liveUserRoom(change.userId) : liveRoom(change.crisis);

  /**
   * Called by the tailer with each batch of new changes of one stream, in seq order. Consecutive
   * changes for the same room go out together (with FRAME_BROADCAST, one write per socket, see
   * frameBroadcast.ts, so a backlog drains in one pass instead of one pass per change).
   */
  function emit(changes: readonly Change[]): void {
    for (let start = 0; start < changes.length;) {
      const room = roomOf(changes[start]);
      let end = start + 1;
      while (end < changes.length && roomOf(changes[end]) === room) end++;
      const batch = changes.slice(start, end);
      if (changes[start].type === 'alert.fired') broadcast(io, room, 'change', batch);
      else {
        // Tokens' sockets get the same frames unless a change names a journalist (a flag, a hand assignment).
        const open = batch.map(publicChange);
        const same = open.every((c, i) => c === batch[i]);
        if (same) broadcast(io, [room, `${room}:public`], 'change', batch);
        else {
          broadcast(io, room, 'change', batch);
          broadcast(io, `${room}:public`, 'change', open);
        }
      }
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
