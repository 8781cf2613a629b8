/**
 * Child program: holds many socket.io-client websockets (the "browsers") and records
 * when each one receives what. Crisis mode records `report.added` changes by report id;
 * raw mode records the bare baseline's broadcasts, which carry their send time.
 * Driven by bench/lib/rpc.ts; every wait is bounded.
 */
import { io } from 'socket.io-client';
import type { E2eResult } from '../lib/e2e.js';
import { serve } from '../lib/rpc.js';
import { sleep, wallMs } from '../lib/clock.js';
import { summarize, type Summary } from '../lib/stats.js';
import { openLeanSocket } from './leanSocket.js';

/** What the swarm needs of a socket, whichever client holds it. */
type Held = { readonly connected: boolean; close(): void };
/** `lean` (default): the thin protocol client of leanSocket.ts; `socket.io`: socket.io-client. */
const CLIENT = process.env.BENCH_SWARM_CLIENT === 'socket.io' ? 'socket.io' : 'lean';

type ConnectArgs = {
  urls: string[];
  count: number;
  token?: string;
  concurrency?: number;
  timeoutMs?: number;
  waitSnapshot?: boolean;
};

const sockets: Held[] = [];
/** report id → arrival time per socket index (NaN until received). */
let arrivals = new Map<string, Float64Array>();
let arrivalCounts = new Map<string, number>();
/** Raw mode: one latency per (broadcast, socket). */
let rawLatencies: number[] = [];
let changesSeen = 0;

function arrival(id: string, index: number, at: number): void {
  let row = arrivals.get(id);
  if (!row) {
    row = new Float64Array(Math.max(sockets.length, index + 1)).fill(NaN);
    arrivals.set(id, row);
  }
  if (index >= row.length) {
    const grown = new Float64Array(sockets.length).fill(NaN);
    grown.set(row);
    row = grown;
    arrivals.set(id, row);
  }
  if (Number.isNaN(row[index])) {
    row[index] = at;
    arrivalCounts.set(id, (arrivalCounts.get(id) ?? 0) + 1);
  }
}

type ChangeLike = { type: string; id?: string; n?: number; sentAt?: number };

function onChange(index: number, change: ChangeLike): void {
  const at = wallMs();
  changesSeen++;
  if (change.type === 'report.added' && change.id) arrival(change.id, index, at);
  else if (change.type === 'raw' && typeof change.sentAt === 'number') rawLatencies.push(at - change.sentAt);
}

function openOne(url: string, token: string | undefined, waitSnapshot: boolean, timeoutMs: number): Promise<Held> {
  const index = sockets.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`socket ${index} did not connect within ${timeoutMs} ms`)),
      timeoutMs,
    );
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(sockets[index]);
    };
    const auth = token ? { token } : {};
    if (CLIENT === 'lean') {
      sockets.push(
        openLeanSocket(url, auth, {
          onChange: (head) => onChange(index, head),
          onEvent: (name) => {
            if (name === 'snapshot' && waitSnapshot) settle();
          },
          onConnect: () => {
            if (!waitSnapshot) settle();
          },
          onError: (err) => settle(err),
        }),
      );
      return;
    }
    const socket = io(url, {
      transports: ['websocket'],
      auth,
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
    });
    sockets.push(socket);
    socket.on('change', (change: ChangeLike) => onChange(index, change));
    socket.once('connect_error', (err) => settle(err));
    if (waitSnapshot) socket.once('snapshot', () => settle());
    else socket.once('connect', () => settle());
  });
}

async function connect(args: ConnectArgs): Promise<{ total: number; ms: number }> {
  const started = wallMs();
  const concurrency = args.concurrency ?? 100;
  const timeoutMs = args.timeoutMs ?? 30_000;
  let next = 0;
  const worker = async () => {
    while (next < args.count) {
      const i = next++;
      await openOne(args.urls[i % args.urls.length], args.token, args.waitSnapshot ?? true, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, args.count) }, worker));
  // Joining the live room follows the snapshot within a tick or two on the server.
  await sleep(200);
  return { total: sockets.filter((s) => s.connected).length, ms: wallMs() - started };
}

/** Waits until every socket saw every accepted report (or the timeout), then gives latencies from 202 to arrival. */
async function latencies(args: {
  accepted: [id: string, acceptedAt: number][];
  waitMs: number;
  postedAt?: [string, number][];
}): Promise<E2eResult> {
  // Every socket opened should see every report; one that was dropped (e.g. a ping timeout) counts as missing.
  const expected = args.accepted.length * sockets.length;
  const deadline = Date.now() + args.waitMs;
  const receivedNow = () => args.accepted.reduce((sum, [id]) => sum + (arrivalCounts.get(id) ?? 0), 0);
  while (receivedNow() < expected && Date.now() < deadline) await sleep(50);
  const samples: number[] = [];
  let negative = 0;
  for (const [id, acceptedAt] of args.accepted) {
    const row = arrivals.get(id);
    if (!row) continue;
    for (const at of row) {
      if (Number.isNaN(at)) continue;
      const latency = at - acceptedAt;
      // The change may beat the 202 to the client (both race over loopback): that counts as 0 ms.
      if (latency < 0) negative++;
      samples.push(Math.max(0, latency));
    }
  }
  let fromPosted: Summary | undefined;
  if (args.postedAt) {
    const posted: number[] = [];
    for (const [id, postedAt] of args.postedAt) {
      const row = arrivals.get(id);
      if (row) for (const at of row) if (!Number.isNaN(at)) posted.push(at - postedAt);
    }
    fromPosted = summarize(posted);
  }
  const disconnected = sockets.filter((s) => !s.connected).length;
  return { fromAccepted: summarize(samples), fromPosted, expected, received: samples.length, negative, disconnected };
}

async function rawSummary(args: { expected: number; waitMs: number }): Promise<{ summary: Summary; received: number }> {
  const deadline = Date.now() + args.waitMs;
  while (rawLatencies.length < args.expected && Date.now() < deadline) await sleep(50);
  return { summary: summarize(rawLatencies), received: rawLatencies.length };
}

/** Per report: the first, median and last arrival over the sockets (to split a latency into legs). */
function arrivalSpread(args: { ids: string[] }): Record<string, [first: number, median: number, last: number]> {
  const out: Record<string, [number, number, number]> = {};
  for (const id of args.ids) {
    const row = arrivals.get(id);
    if (!row) continue;
    const got = [...row].filter((at) => !Number.isNaN(at)).sort((a, b) => a - b);
    if (got.length > 0) out[id] = [got[0], got[Math.floor(got.length / 2)], got[got.length - 1]];
  }
  return out;
}

function reset(): { changesSeen: number } {
  const seen = changesSeen;
  arrivals = new Map();
  arrivalCounts = new Map();
  rawLatencies = [];
  changesSeen = 0;
  return { changesSeen: seen };
}

async function disconnect(): Promise<{ closed: number }> {
  const n = sockets.length;
  for (const s of sockets) s.close();
  sockets.length = 0;
  reset();
  await sleep(100);
  return { closed: n };
}

serve({
  connect,
  latencies,
  arrivalSpread,
  rawSummary,
  reset,
  disconnect,
  count: () => ({
    connected: sockets.filter((s) => s.connected).length,
    disconnected: sockets.filter((s) => !s.connected).length,
  }),
  exit: () => disconnect(),
});
