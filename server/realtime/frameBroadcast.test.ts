import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { Encoder, PacketType } from 'socket.io-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { broadcastToRoom, eventFrame } from './frameBroadcast.js';

let http: HttpServer;
let io: Server;
let url: string;
const clients: ClientSocket[] = [];

beforeEach(async () => {
  http = createServer();
  io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    if (socket.handshake.auth?.join) void socket.join('live');
    socket.emit('joined');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

/** A real client that records every `change` it receives, once it has joined. */
async function client(transports: ('websocket' | 'polling')[], join = true) {
  const socket = connect(url, { transports, auth: { join }, forceNew: true, reconnection: false, upgrade: false });
  clients.push(socket);
  const received: unknown[] = [];
  socket.on('change', (c: unknown) => received.push(c));
  await new Promise<void>((resolve) => socket.once('joined', () => resolve()));
  return { socket, received };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('broadcastToRoom', () => {
  it('writes the same bytes Socket.IO would send for the event', () => {
    const payload = { type: 'report.added', text: 'Talks in Genève — “soon” 🕊', n: [1, 2.5, null] };
    const [encoded] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['change', payload] });
    const frame = eventFrame('change', payload);
    const body = Buffer.from(`4${encoded as string}`);
    // A short unmasked text frame: FIN + opcode 1, then the length, then the Engine.IO message.
    expect(frame[0]).toBe(0x81);
    expect(frame.subarray(frame.length - body.length)).toEqual(body);
  });

  it('reaches websocket and long-polling members of the room alike, and no one else', async () => {
    const ws = await client(['websocket']);
    const polling = await client(['polling']);
    const outsider = await client(['websocket'], false);
    const payload = { type: 'troops.changed', label: 'Ёлкино', figures: [100_000, 130_000] };

    const counts = broadcastToRoom(io, 'live', 'change', [payload]);

    expect(counts).toEqual({ direct: 1, emitted: 1 });
    await until(() => ws.received.length > 0 && polling.received.length > 0);
    expect(ws.received).toEqual([payload]);
    expect(polling.received).toEqual([payload]);
    await new Promise((r) => setTimeout(r, 50));
    expect(outsider.received).toEqual([]);
  });

  it('keeps order behind packets engine.io still holds, then goes direct again', async () => {
    const ws = await client(['websocket']);
    const [server] = io.of('/').sockets.values();

    server.emit('change', { n: 1 }); // through engine.io: its write is pending until the next tick
    const behind = [
      broadcastToRoom(io, 'live', 'change', [{ n: 2 }]),
      broadcastToRoom(io, 'live', 'change', [{ n: 3 }]),
    ];
    await new Promise((r) => setImmediate(r));
    const after = broadcastToRoom(io, 'live', 'change', [{ n: 4 }]);

    expect(behind).toEqual([
      { direct: 0, emitted: 1 },
      { direct: 0, emitted: 1 },
    ]);
    expect(after).toEqual({ direct: 1, emitted: 0 });
    await until(() => ws.received.length === 4);
    expect(ws.received).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('sends a backlog of changes to each client in one write, in order', async () => {
    const ws = await client(['websocket']);
    const polling = await client(['polling']);
    const [wsServerSide] = [...io.of('/').sockets.values()].filter((s) => s.conn.transport.name === 'websocket');
    const tcp = (wsServerSide.conn.transport as unknown as { socket: { _socket: { write: (b: Buffer) => boolean } } })
      .socket._socket;
    const writes: Buffer[] = [];
    const write = tcp.write.bind(tcp);
    tcp.write = (b: Buffer) => (writes.push(b), write(b));
    const backlog = [{ n: 1 }, { n: 2, text: 'ünïcode' }, { n: 3 }];

    expect(broadcastToRoom(io, 'live', 'change', backlog)).toEqual({ direct: 1, emitted: 1 });

    expect(writes).toHaveLength(1);
    expect(writes[0]).toEqual(Buffer.concat(backlog.map((c) => eventFrame('change', c))));
    await until(() => ws.received.length === 3 && polling.received.length === 3);
    expect(ws.received).toEqual(backlog);
    expect(polling.received).toEqual(backlog);
  });

  it('does nothing for an empty or unknown room', () => {
    expect(broadcastToRoom(io, 'nobody-here', 'change', [{ n: 1 }])).toEqual({ direct: 0, emitted: 0 });
  });
});
