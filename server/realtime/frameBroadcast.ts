/**
 * Broadcast of events to a room with their websocket frames built once and written straight
 * to each client's TCP socket, several events in one write.
 *
 * Why: on a 2-core machine a wall of 1,000 sockets is mostly fan-out. Socket.IO already encodes
 * a broadcast once (`wsPreEncodedFrame`), but then walks engine.io's per-socket machinery for
 * every client: a packet object, five events, a write callback and a tick. That cost a third of
 * the api's CPU at 50 changes/s (bench: the bare server's user time 38–43% → 23–24% of a core
 * with this path). The bytes on the wire are the same Engine.IO `4` + Socket.IO `2` packets.
 * When changes queue up (a burst, or the node was busy), all of them go to a client in one
 * write: a backlog of n changes costs one pass over the sockets, not n, so it drains at once.
 *
 * A client takes the direct path only when engine.io has nothing queued for it (open websocket
 * transport, writable, empty write buffer, no per-message deflate), so its packets stay in
 * order: anything engine.io holds is older and would be sent first. Every other client, such
 * as one still on long-polling or mid-upgrade, gets a plain `socket.emit`.
 *
 * It reads engine.io's and ws' private fields (`writeBuffer`, `transport.socket._socket`,
 * `WebSocket.Sender.frame`), so it is a setting (FRAME_BROADCAST, on by default): set it false and
 * changes go through socketIoBroadcast(). frameBroadcast.contract.test.ts fails when those fields
 * change, so an upgrade of Socket.IO or ws that moves them is caught in CI, not on a wall.
 */
import type { Server } from 'socket.io';
import WebSocket from 'ws';

/** The engine.io internals the direct path reads (stable across engine.io 6.x). */
type EngineConn = {
  readyState: string;
  writeBuffer: unknown[];
  transport: {
    name: string;
    writable: boolean;
    perMessageDeflate?: unknown;
    socket?: { _socket?: { write(chunk: Buffer): boolean } };
  };
};

/** The whole websocket text frame (server frames are unmasked) of `42["event",payload]`. */
export function eventFrame(event: string, payload: unknown): Buffer {
  const data = Buffer.from(`42${JSON.stringify([event, payload])}`);
  const parts = (
    WebSocket as unknown as {
      Sender: { frame(data: Buffer, o: object): Buffer[] };
    }
  ).Sender.frame(data, { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true });
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/** The TCP socket of a client that can take a frame right now, or null. */
function directSocket(conn: EngineConn): { write(chunk: Buffer): boolean } | null {
  const t = conn.transport;
  if (conn.readyState !== 'open' || t.name !== 'websocket' || !t.writable || t.perMessageDeflate) return null;
  if (conn.writeBuffer.length > 0) return null;
  return t.socket?._socket ?? null;
}

/** Socket.IO's own broadcast, the default: each payload to every socket of the rooms (each socket once). */
export function socketIoBroadcast(
  io: Server,
  room: string | readonly string[],
  event: string,
  payloads: readonly unknown[],
): void {
  const to = io.to(typeof room === 'string' ? room : [...room]) as unknown as { emit(e: string, p: unknown): void };
  for (const p of payloads) to.emit(event, p);
}

/**
 * Emits `event` once per payload, in order, to every socket of `room` (or of each of several
 * rooms, which share the frames) on this node; returns how many sockets took the direct path and
 * how many went through Socket.IO.
 */
export function broadcastToRoom(
  io: Server,
  room: string | readonly string[],
  event: string,
  payloads: readonly unknown[],
): { direct: number; emitted: number } {
  const nsp = io.of('/');
  const rooms = typeof room === 'string' ? [room] : room;
  const members = rooms.map((r) => nsp.adapter.rooms.get(r)).filter((ids) => ids !== undefined && ids.size > 0);
  let direct = 0;
  let emitted = 0;
  if (members.length === 0 || payloads.length === 0) return { direct, emitted };
  const frames = payloads.map((p) => eventFrame(event, p));
  const bytes = frames.length === 1 ? frames[0] : Buffer.concat(frames);
  for (const ids of members)
    for (const id of ids!) {
      const socket = nsp.sockets.get(id);
      if (!socket) continue;
      const tcp = directSocket(socket.conn as unknown as EngineConn);
      if (tcp) {
        tcp.write(bytes);
        direct++;
      } else {
        const emitter = socket as unknown as { emit(e: string, p: unknown): void };
        for (const p of payloads) emitter.emit(event, p);
        emitted++;
      }
    }
  return { direct, emitted };
}
