/**
 * The engine.io and ws internals frameBroadcast.ts (FRAME_BROADCAST) reads, checked on a real
 * server and a real websocket client: when an upgrade of socket.io, engine.io or ws renames or
 * retypes one of them, this fails, and the setting must stay off until the path is fixed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { io as connect } from 'socket.io-client';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let io: Server;
let server: Socket;
let close: () => void;

beforeAll(async () => {
  const http = createServer();
  io = new Server(http, { serveClient: false });
  const connected = new Promise<Socket>((resolve) => io.on('connection', resolve));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  server = await connected;
  close = () => client.close();
});
afterAll(async () => {
  close?.();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

describe('what frameBroadcast.ts reads of engine.io and ws', () => {
  it('the engine.io connection: readyState, writeBuffer, and its websocket transport', () => {
    const conn = server.conn as unknown as Record<string, unknown> & { transport: Record<string, unknown> };
    expect(conn.readyState).toBe('open');
    expect(Array.isArray(conn.writeBuffer)).toBe(true);
    expect(conn.transport.name).toBe('websocket');
    expect(typeof conn.transport.writable).toBe('boolean');
    // Off by default in Socket.IO 4 (the direct path sends uncompressed frames only).
    expect(conn.transport.perMessageDeflate ?? false).toBeFalsy();
  });

  it("the transport's ws socket and, under it, the TCP socket frames are written to", () => {
    const ws = (server.conn as unknown as { transport: { socket?: { _socket?: unknown } } }).transport.socket;
    expect(ws).toBeInstanceOf(WebSocket);
    const tcp = ws?._socket as { write?: unknown; writable?: unknown } | undefined;
    expect(typeof tcp?.write).toBe('function');
    expect(tcp?.writable).toBe(true);
  });

  it("ws' Sender.frame builds a whole unmasked text frame", () => {
    const sender = (WebSocket as unknown as { Sender?: { frame?: unknown } }).Sender;
    expect(typeof sender?.frame).toBe('function');
    const parts = (sender!.frame as (d: Buffer, o: object) => Buffer[])(Buffer.from('42["x",1]'), {
      readOnly: false,
      mask: false,
      rsv1: false,
      opcode: 1,
      fin: true,
    });
    const frame = Buffer.concat(parts);
    expect(frame[0]).toBe(0x81); // FIN + text opcode
    expect(frame[1]).toBe(9); // unmasked, 9 bytes of payload
    expect(frame.subarray(2).toString()).toBe('42["x",1]');
  });
});
