/**
 * The bench swarm's lean client reads a `change` from its head only (bench/clients/leanSocket.ts).
 * Against a real Socket.IO server: the head gives the type, the report id of report.added and
 * the send time of the raw baseline's broadcasts; a change in another key order is read whole;
 * other events still arrive with their payload.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openLeanSocket, type ChangeHead, type LeanSocket } from '../bench/clients/leanSocket.js';

let http: HttpServer;
let io: Server;
let url: string;
let lean: LeanSocket | undefined;

beforeEach(async () => {
  http = createServer();
  io = new Server(http, { serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  lean?.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

it('reads the type, report id and send time from the head of a change, and other events whole', async () => {
  const summary = { id: 'r-42', title: 'Talks in "Geneva"', excerpt: 'x'.repeat(400) };
  io.on('connection', (socket) => {
    socket.emit('snapshot', { seq: '1-0' });
    socket.emit('change', { type: 'report.added', id: 'r-42', report: summary, seq: '5-0' });
    socket.emit('change', { type: 'raw', n: 3, sentAt: 1764131234567.891, pad: 'x'.repeat(1000) });
    socket.emit('change', { type: 'tension.updated', tension: { value: 41 }, seq: '6-0' });
    socket.emit('change', { id: 'r-43', type: 'report.added', seq: '7-0' }); // another key order
    socket.emit('change', { type: 'done' });
  });
  const heads: ChangeHead[] = [];
  const events: [string, unknown][] = [];
  await new Promise<void>((resolve, reject) => {
    lean = openLeanSocket(
      url,
      {},
      {
        onChange: (head) => {
          heads.push(head);
          if (head.type === 'done') resolve();
        },
        onEvent: (name, payload) => events.push([name, payload]),
        onConnect: () => undefined,
        onError: reject,
      },
    );
  });
  expect(events).toEqual([['snapshot', { seq: '1-0' }]]);
  expect(heads.map((h) => [h.type, h.id, h.sentAt])).toEqual([
    ['report.added', 'r-42', undefined],
    ['raw', undefined, 1764131234567.891],
    ['tension.updated', undefined, undefined],
    ['report.added', 'r-43', undefined],
    ['done', undefined, undefined],
  ]);
});
