/**
 * Child program: a bare Socket.IO server (no app, no Redis) that broadcasts a 1 KB payload
 * to every connected client at a fixed rate: the baseline the product's fan-out is compared
 * with. Each payload carries its send time; the swarm subtracts it on arrival.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serve } from '../lib/rpc.js';
import { sleep, wallMs } from '../lib/clock.js';

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, pingInterval: 10_000, pingTimeout: 5_000 });

async function listen(): Promise<{ url: string }> {
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
}

/** Broadcasts `count` payloads of about `bytes` each at `ratePerSecond`. */
async function broadcast(args: {
  count: number;
  ratePerSecond: number;
  bytes: number;
}): Promise<{ sent: number; sockets: number }> {
  const pad = 'x'.repeat(Math.max(0, args.bytes - 80));
  const started = wallMs();
  for (let n = 0; n < args.count; n++) {
    const wait = started + (n * 1000) / args.ratePerSecond - wallMs();
    if (wait > 0) await sleep(wait);
    io.emit('change', { type: 'raw', n, sentAt: wallMs(), pad });
  }
  return { sent: args.count, sockets: io.engine.clientsCount };
}

serve({
  listen,
  broadcast,
  exit: () => new Promise<void>((resolve) => io.close(() => resolve())),
});
