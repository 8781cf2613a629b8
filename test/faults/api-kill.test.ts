/**
 * Drill: kill -9 one of two api nodes. Its socket clients reconnect to the other with their
 * last seq and miss nothing (resume from the change stream; Socket.IO's own connection-state
 * recovery does not survive a hard kill: socketio/socket.io#5413).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/events.js';
import { DISPLAY_TOKEN, postReport, waitFor } from '../helpers/app.js';
import { hasBuild } from '../helpers/processes.js';
import { connectClient, connected, type RecordingClient } from '../helpers/socketClient.js';
import { drillStage, drillText } from './drillTools.js';

const stage = drillStage();

/** A client that, when its node dies, reconnects to the other node with the last seq it saw (what the load balancer does). */
function failoverClient(first: string, second: string) {
  const seen: Change[] = [];
  const clients: RecordingClient[] = [];
  let snapshots = 0;
  const open = (url: string, since?: string) => {
    const client = connectClient(url, { token: DISPLAY_TOKEN, ...(since ? { since } : {}) });
    client.socket.on('change', (c) => seen.push(c));
    client.socket.on('snapshot', () => snapshots++);
    clients.push(client);
    return client;
  };
  const primary = open(first);
  primary.socket.on('disconnect', () => {
    open(second, seen.at(-1)?.seq ?? primary.snapshots.at(-1)?.seq);
  });
  return { seen, clients, primary, snapshots: () => snapshots, close: () => clients.forEach((c) => c.close()) };
}

describe.skipIf(!hasBuild)('kill -9 of one of two api nodes', () => {
  it('moves its clients to the other node without a gap or a double', async () => {
    const prefix = `f${randomBytes(4).toString('hex')}`;
    const [a, b] = [await stage.start('api', prefix), await stage.start('api', prefix)];
    await stage.start('worker', prefix);
    const moving = Array.from({ length: 20 }, () => failoverClient(a.url!, b.url!));
    const steady = connectClient(b.url!, { token: DISPLAY_TOKEN });
    await Promise.all([...moving.map((m) => connected(m.primary)), connected(steady)]);
    await waitFor(
      async () => moving.every((m) => m.snapshots() === 1) && steady.snapshots.length === 1,
      10_000,
      'snapshots',
    );

    let stop = false;
    let n = 0;
    const poster = (async () => {
      while (!stop) {
        await postReport(b.url!, { text: drillText('api-kill', n++) }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await waitFor(async () => steady.changes.length >= 100, 20_000, 'changes flowing');
    await a.kill9();
    await waitFor(
      async () => moving.every((m) => m.clients.length === 2 && m.clients[1].socket.connected),
      10_000,
      'failover',
    );
    const afterKill = steady.changes.length;
    await waitFor(async () => steady.changes.length >= afterKill + 100, 20_000, 'changes after the kill');
    stop = true;
    await poster;
    const lastSeq = steady.changes.at(-1)!.seq;
    await waitFor(async () => moving.every((m) => m.seen.at(-1)?.seq === lastSeq), 10_000, 'moved clients caught up');

    const expected = steady.changes.map((c) => c.seq);
    let gaps = 0;
    let doubles = 0;
    for (const m of moving) {
      const seqs = m.seen.map((c) => c.seq);
      doubles += seqs.length - new Set(seqs).size;
      gaps += expected.filter((s) => !seqs.includes(s)).length;
      expect(m.snapshots()).toBe(1); // resumed by seq, not by a fresh snapshot
    }
    console.log(
      `drill api-kill: ${moving.length} clients moved, ${expected.length} changes during the drill, ${n} reports posted, gaps ${gaps}, doubles ${doubles}`,
    );
    expect(gaps).toBe(0);
    expect(doubles).toBe(0);
    moving.forEach((m) => m.close());
    steady.close();
  });
});
