/**
 * Each crisis' fold state in Redis is a checkpoint plus a log of batches (storage/foldStore.ts);
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
import { crisisKeysFor } from '../server/storage/keys.js';
import { CrisisFold, type CrisisFoldItem } from '../server/workers/crisisFold.js';
import { fingerprintOf } from '../server/workers/foldBatcher.js';
import { catchUp } from '../server/workers/foldLog.js';
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

const item = (input: FoldInput): CrisisFoldItem => {
  const json = Buffer.from(JSON.stringify(input.extraction));
  return {
    id: input.reportId,
    dateline: input.dateline,
    receivedAtMs: Date.parse(input.dateline),
    summary: {
      id: input.reportId,
      dateline: input.dateline,
      receivedAt: input.dateline,
      status: 'done',
      excerpt: `report ${input.reportId}`,
      flags: [],
    },
    extracted: { json },
    fingerprint: fingerprintOf(json),
  };
};
const takeOut = (input: FoldInput): CrisisFoldItem => ({ ...item(input), extracted: null, fingerprint: null });

const keysOf = (slug: string) => crisisKeysFor('t', slug);
const storeOf = (slug: string) => new FoldStore<CrisisState>(redis, keysOf(slug), 100_000);
const foldOf = (slug: string) => new CrisisFold(storeOf(slug), {});

/** What a worker starting cold reads: the checkpoint and the whole log, replayed. */
async function coldRead(slug: string): Promise<CrisisState> {
  return catchUp(null, await storeOf(slug).read([]), {}).state;
}

async function announced(slug: string, type: Change['type'] = 'report.added'): Promise<string[]> {
  const entries = (await redis.xrange(keysOf(slug).changes, '-', '+')) as [string, string[]][];
  return entries
    .map(([, fields]) => JSON.parse(fields[1]) as Change)
    .flatMap((c) => (c.type === type && 'id' in c ? [c.id] : []));
}

describe("a crisis' fold as checkpoint + log", () => {
  it('three workers folding in turn, across checkpoints, all reach the state of one in-memory fold', async () => {
    const slug = 'fold-a';
    const workers = [foldOf(slug), foldOf(slug), foldOf(slug)];
    const inputs = Array.from({ length: 700 }, (_, i) => syntheticReport(i));
    let expected = emptyState();
    // Batches of 1 to 30 reports, each committed by one of the workers in a fixed pseudo-random order.
    for (let at = 0, n = 0; at < inputs.length; n++) {
      const size = 1 + ((n * 7) % 30);
      const batch = inputs.slice(at, at + size);
      at += size;
      await workers[(n * 5) % 3].commit(batch.map(item));
      expected = applyReports(expected, batch).state;
    }
    const keys = keysOf(slug);
    // 700 reports: the state was written whole at least twice, and the log holds only the rest.
    expect(Number(await redis.get(keys.stateCheckpointVersion))).toBeGreaterThan(0);
    expect(Number(await redis.get(keys.stateLogReports))).toBeLessThan(250);
    expect(JSON.stringify(await coldRead(slug))).toBe(JSON.stringify(expected));
    expect(JSON.parse((await redis.get(keys.publicState))!)).toEqual(JSON.parse(JSON.stringify(publicView(expected))));
    const added = await announced(slug);
    expect(added).toHaveLength(700);
    expect(new Set(added).size).toBe(700);
    expect(await redis.zcard(keys.reports)).toBe(700);
  });

  it('workers racing on the same reports fold each once; a report folded again as it was is not announced', async () => {
    const slug = 'fold-b';
    const [a, b] = [foldOf(slug), foldOf(slug)];
    const inputs = Array.from({ length: 300 }, (_, i) => syntheticReport(1000 + i));
    // Both workers get every report (as after a stalled job), concurrently, in batches of 20.
    for (let at = 0; at < inputs.length; at += 20) {
      const batch = inputs.slice(at, at + 20).map(item);
      await Promise.all([a.commit(batch), b.commit(batch)]);
    }
    await a.commit([item(inputs[0])]);
    const added = await announced(slug);
    expect(added).toHaveLength(300);
    expect(new Set(added).size).toBe(300);
    expect(await announced(slug, 'report.updated')).toEqual([]);
    const replayed = await coldRead(slug);
    expect(replayed.ledger.map((e) => e.id).sort()).toEqual(inputs.map((i) => i.reportId).sort());
    const stored = JSON.parse((await redis.get(keysOf(slug).publicState))!) as unknown;
    expect(JSON.parse(JSON.stringify(publicView(replayed)))).toEqual(stored);
  });

  it('a worker alone on the state commits without reading; another commit or a folded report makes it read', async () => {
    const slug = 'fold-e';
    const keys = keysOf(slug);
    const reads = { a: 0 };
    const storeA = storeOf(slug);
    const read = storeA.read.bind(storeA);
    storeA.read = (...args) => (reads.a++, read(...args));
    const a = new CrisisFold(storeA, {});
    const b = foldOf(slug);
    const inputs = Array.from({ length: 260 }, (_, i) => syntheticReport(4000 + i));

    await a.commit([item(inputs[0])]); // nothing held yet: read first
    for (const input of inputs.slice(1, 255)) await a.commit([item(input)]); // a checkpoint falls in here
    expect(reads.a).toBe(1);
    // One report per commit: the whole state was written at the 250th, the log holds the 5 since.
    expect(await redis.get(keys.stateCheckpointVersion)).toBe('250');
    expect(await redis.get(keys.stateLogReports)).toBe('5');

    await b.commit([item(inputs[255])]); // the version moves under a
    await a.commit([item(inputs[256])]);
    expect(reads.a).toBe(2);
    await a.commit([item(inputs[3])]); // already folded, with the same extraction: read, announce nothing
    expect(reads.a).toBe(3);
    for (const input of inputs.slice(257)) await a.commit([item(input)]);
    expect(reads.a).toBe(3);

    const expected = applyReports(emptyState(), inputs).state;
    expect(JSON.stringify(await coldRead(slug))).toBe(JSON.stringify(expected));
    expect(await announced(slug)).toEqual(inputs.map((i) => i.reportId));
  });

  it('a batch that moves nothing public leaves the stored public view as it was, and right', async () => {
    const slug = 'fold-d';
    const keys = keysOf(slug);
    const worker = foldOf(slug);
    const inputs = Array.from({ length: 30 }, (_, i) => syntheticReport(3000 + i));
    for (const input of inputs) await worker.commit([item(input)]);
    // Short notes on the next day: the first one adds that day to the tension history, the
    // second (no signal, no figure, no meeting; the day's mean stays 0) moves nothing.
    const noteDay = '2021-12-02';
    await worker.commit([item({ reportId: 'note-0', dateline: noteDay, extraction: emptyExtraction() })]);
    const viewBefore = await redis.get(keys.publicState);
    await worker.commit([item({ reportId: 'note-1', dateline: noteDay, extraction: emptyExtraction() })]);
    const last = (await redis.xrevrange(keys.changes, '+', '-', 'COUNT', 1)) as [string, string[]][];
    expect((JSON.parse(last[0][1][1]) as Change).type).toBe('report.added');
    expect(await redis.get(keys.publicState)).toBe(viewBefore);
    const replayed = await coldRead(slug);
    expect(replayed.ledger.some((e) => e.id === 'note-1')).toBe(true);
    expect(JSON.parse(viewBefore!)).toEqual(JSON.parse(JSON.stringify(publicView(replayed))));
  });

  it('takes a report out of the crisis: its contribution goes, it is announced removed, once', async () => {
    const slug = 'fold-f';
    const keys = keysOf(slug);
    const worker = foldOf(slug);
    const inputs = Array.from({ length: 20 }, (_, i) => syntheticReport(6000 + i));
    await worker.commit(inputs.map(item));
    await worker.commit([takeOut(inputs[4]), takeOut(inputs[9])]);
    // Taking out again, or taking out a report never folded in, changes and announces nothing.
    await foldOf(slug).commit([takeOut(inputs[4]), takeOut(syntheticReport(6999))]);
    const rest = inputs.filter((_, i) => i !== 4 && i !== 9);
    const expected = applyReports(emptyState(), rest).state;
    expect(JSON.parse(JSON.stringify(publicView(await coldRead(slug))))).toEqual(
      JSON.parse(JSON.stringify(publicView(expected))),
    );
    expect(await announced(slug, 'report.removed')).toEqual([inputs[4].reportId, inputs[9].reportId]);
    expect(await redis.hexists(keys.folded, inputs[4].reportId)).toBe(0);
    expect(await redis.zscore(keys.reports, inputs[9].reportId)).toBeNull();
    expect(await redis.zcard(keys.reports)).toBe(18);
  });

  it('touches only keys under its own hash tag', () => {
    const { slug, ...keys } = keysOf('fold-g');
    expect(slug).toBe('fold-g');
    for (const key of Object.values(keys)) expect(key.startsWith('{t:fold-g}')).toBe(true);
  });
});
