/**
 * The fold state in Redis is a checkpoint plus a log of batches (storage/foldStore.ts);
 * each worker keeps its own state in memory and replays what others folded. Whatever the
 * interleaving of workers, checkpoints and cold starts, every reader must reach exactly the
 * state one in-memory fold of the same batches gives, and each report is announced once.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyExtraction } from '../shared/extraction.js';
import type { Change } from '../shared/events.js';
import { applyReports, emptyState, publicView, type CrisisState, type FoldInput } from '../server/state/index.js';
import { syntheticReport } from '../server/state/fixtures.js';
import { FoldStore } from '../server/storage/foldStore.js';
import { keysFor } from '../server/storage/keys.js';
import { catchUp } from '../server/workers/foldLog.js';
import { FoldBatcher, type FoldItem } from '../server/workers/foldBatcher.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let server: TestRedis;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

const item = (input: FoldInput): FoldItem => ({
  report: {
    id: input.reportId,
    dateline: input.dateline,
    summary: {
      id: input.reportId,
      dateline: input.dateline,
      receivedAt: input.dateline,
      status: 'done',
      excerpt: `report ${input.reportId}`,
      flags: [],
    },
  },
  extracted: { json: Buffer.from(JSON.stringify(input.extraction)) },
});

/** What a worker starting cold reads: the checkpoint and the whole log, replayed. */
async function coldRead(store: FoldStore<CrisisState>): Promise<CrisisState> {
  return catchUp(null, await store.read([])).state;
}

async function announcedReports(prefix: string): Promise<string[]> {
  const entries = (await redis.xrange(keysFor(prefix).changes, '-', '+')) as [string, string[]][];
  return entries
    .map(([, fields]) => JSON.parse(fields[1]) as Change)
    .filter((c) => c.type === 'report.added')
    .map((c) => (c.type === 'report.added' ? c.id : ''));
}

describe('fold state as checkpoint + log', () => {
  it('three workers folding in turn, across checkpoints, all reach the state of one in-memory fold', async () => {
    const prefix = 'foldlog-a';
    const store = () => new FoldStore<CrisisState>(redis, keysFor(prefix), 100_000);
    const workers = [new FoldBatcher(store()), new FoldBatcher(store()), new FoldBatcher(store())];
    const inputs = Array.from({ length: 700 }, (_, i) => syntheticReport(i));
    let expected = emptyState();
    // Batches of 1 to 30 reports, each committed by one of the workers in a fixed pseudo-random order.
    for (let at = 0, n = 0; at < inputs.length; n++) {
      const size = 1 + ((n * 7) % 30);
      const batch = inputs.slice(at, at + size);
      at += size;
      await Promise.all(batch.map((input) => workers[(n * 5) % 3].submit(item(input))));
      expected = applyReports(expected, batch).state;
    }
    const keys = keysFor(prefix);
    // 700 reports: the state was written whole at least twice, and the log holds only the rest.
    expect(Number(await redis.get(keys.stateCheckpointVersion))).toBeGreaterThan(0);
    expect(Number(await redis.get(keys.stateLogReports))).toBeLessThan(250);
    expect(JSON.stringify(await coldRead(store()))).toBe(JSON.stringify(expected));
    expect(JSON.parse((await redis.get(keys.publicState))!)).toEqual(JSON.parse(JSON.stringify(publicView(expected))));
    const announced = await announcedReports(prefix);
    expect(announced).toHaveLength(700);
    expect(new Set(announced).size).toBe(700);
  });

  it('workers racing on the same reports commit each once; a re-submitted report is not announced again', async () => {
    const prefix = 'foldlog-b';
    const store = () => new FoldStore<CrisisState>(redis, keysFor(prefix), 100_000);
    const [a, b] = [new FoldBatcher(store()), new FoldBatcher(store())];
    const inputs = Array.from({ length: 300 }, (_, i) => syntheticReport(1000 + i));
    // Both workers get every report (as after a stalled job), concurrently.
    await Promise.all(inputs.flatMap((input) => [a.submit(item(input)), b.submit(item(input))]));
    await a.submit(item(inputs[0]));
    const announced = await announcedReports(prefix);
    expect(announced).toHaveLength(300);
    expect(new Set(announced).size).toBe(300);
    // The order of folding is the race's, so compare the replayed state with what the committers stored.
    const replayed = await coldRead(store());
    expect(replayed.ledger.map((e) => e.id).sort()).toEqual(inputs.map((i) => i.reportId).sort());
    const stored = JSON.parse((await redis.get(keysFor(prefix).publicState))!) as unknown;
    expect(JSON.parse(JSON.stringify(publicView(replayed)))).toEqual(stored);
  });

  it('a worker alone on the state commits without reading; another commit or a folded report makes it read', async () => {
    const prefix = 'foldlog-e';
    const keys = keysFor(prefix);
    const reads = { a: 0 };
    const storeA = new FoldStore<CrisisState>(redis, keys, 100_000);
    const read = storeA.read.bind(storeA);
    storeA.read = (...args) => (reads.a++, read(...args));
    const a = new FoldBatcher(storeA);
    const b = new FoldBatcher(new FoldStore<CrisisState>(redis, keys, 100_000));
    const inputs = Array.from({ length: 260 }, (_, i) => syntheticReport(4000 + i));

    await a.submit(item(inputs[0])); // nothing held yet: read first
    for (const input of inputs.slice(1, 255)) await a.submit(item(input)); // a checkpoint falls in here
    expect(reads.a).toBe(1);
    // One report per commit: the whole state was written at the 250th, the log holds the 5 since.
    expect(await redis.get(keys.stateCheckpointVersion)).toBe('250');
    expect(await redis.get(keys.stateLogReports)).toBe('5');

    await b.submit(item(inputs[255])); // the version moves under a
    await a.submit(item(inputs[256]));
    expect(reads.a).toBe(2);
    await a.submit(item(inputs[3])); // already done, with the same extraction: read, announce nothing
    expect(reads.a).toBe(3);
    for (const input of inputs.slice(257)) await a.submit(item(input));
    expect(reads.a).toBe(3);

    const expected = applyReports(emptyState(), inputs).state;
    expect(JSON.stringify(await coldRead(new FoldStore<CrisisState>(redis, keys, 100_000)))).toBe(
      JSON.stringify(expected),
    );
    const announced = await announcedReports(prefix);
    expect(announced).toEqual(inputs.map((i) => i.reportId));
  });

  it('a batch that moves nothing public leaves the stored public view as it was, and right', async () => {
    const prefix = 'foldlog-d';
    const keys = keysFor(prefix);
    const store = () => new FoldStore<CrisisState>(redis, keys, 100_000);
    const worker = new FoldBatcher(store());
    const inputs = Array.from({ length: 30 }, (_, i) => syntheticReport(3000 + i));
    for (const input of inputs) await worker.submit(item(input));
    // Short notes on the next day: the first one adds that day to the tension history, the
    // second (no signal, no figure, no meeting; the day's mean stays 0) moves nothing.
    const noteDay = '2021-12-02';
    await worker.submit(item({ reportId: 'note-0', dateline: noteDay, extraction: emptyExtraction() }));
    const viewBefore = await redis.get(keys.publicState);
    const note = { reportId: 'note-1', dateline: noteDay, extraction: emptyExtraction() };
    await worker.submit(item(note));
    const last = (await redis.xrevrange(keys.changes, '+', '-', 'COUNT', 1)) as [string, string[]][];
    expect((JSON.parse(last[0][1][1]) as Change).type).toBe('report.added');
    expect(await redis.get(keys.publicState)).toBe(viewBefore);
    const replayed = await coldRead(store());
    expect(replayed.ledger.some((e) => e.id === 'note-1')).toBe(true);
    expect(JSON.parse(viewBefore!)).toEqual(JSON.parse(JSON.stringify(publicView(replayed))));
  });

  it("stores each report's own extraction, byte for byte, when one commit carries many", async () => {
    const prefix = 'foldlog-f';
    const keys = keysFor(prefix);
    const worker = new FoldBatcher(new FoldStore<CrisisState>(redis, keys, 100_000));
    // The commit sends every extraction once, inside the log entry, and the script cuts each
    // report's out by byte offsets: characters of two, three and four bytes must not shift them.
    const inputs = Array.from({ length: 40 }, (_, i) => {
      const input = syntheticReport(5000 + i);
      const extraction = structuredClone(input.extraction!);
      extraction.entities.places.push(['Zürich', 'Kyiv — Київ', 'talks 🤝 in Genève'][i % 3].repeat(1 + (i % 4)));
      return { ...input, extraction };
    });
    await Promise.all(inputs.map((input) => worker.submit(item(input))));
    // More than one report went into a commit (they were submitted together).
    expect(Number(await redis.get(keys.stateVersion))).toBeLessThan(inputs.length);
    for (const input of inputs) {
      const [status, extraction] = await redis.hmget(keys.report(input.reportId), 'status', 'extraction');
      expect(status).toBe('done');
      expect(extraction).toBe(JSON.stringify(input.extraction));
    }
  });

  it('takes over a state written whole by the old format and goes on from it', async () => {
    const prefix = 'foldlog-c';
    const keys = keysFor(prefix);
    const first = Array.from({ length: 40 }, (_, i) => syntheticReport(2000 + i));
    const then = Array.from({ length: 40 }, (_, i) => syntheticReport(2040 + i));
    const before = applyReports(emptyState(), first).state;
    // The old format: the whole state under `state`, its version, no checkpoint version, no log.
    await redis.set(keys.state, JSON.stringify(before));
    await redis.set(keys.stateVersion, '7');
    const worker = new FoldBatcher(new FoldStore<CrisisState>(redis, keys, 100_000));
    for (const input of then) await worker.submit(item(input));
    expect(await redis.get(keys.stateCheckpointVersion)).toBe('7');
    expect(await redis.get(keys.stateVersion)).toBe('47');
    const expected = applyReports(before, then).state;
    expect(JSON.stringify(await coldRead(new FoldStore<CrisisState>(redis, keys, 100_000)))).toBe(
      JSON.stringify(expected),
    );
  });
});
