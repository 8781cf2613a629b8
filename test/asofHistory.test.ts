/**
 * The as-of history (storage/historyScript.ts, storage/asOfReader.ts): whatever the batches,
 * workers, corrections, take-outs and rebuilds, the picture read as of any moment from the
 * checkpoints equals one fold from nothing of every input committed up to that moment, and the
 * picture as of now equals the live one.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Crisis } from '../shared/crisis.js';
import type { Extraction } from '../shared/extraction.js';
import { applyReports, emptyState, publicView, type CrisisState, type FoldInput } from '../server/state/index.js';
import { leanPicture } from '../server/state/seriesSplit.js';
import type { PublicView } from '../server/storage/foldStore.js';
import { syntheticReport } from '../server/state/fixtures.js';
import { AsOfReader } from '../server/storage/asOfReader.js';
import { FoldStore } from '../server/storage/foldStore.js';
import { HISTORY_CHECKPOINT_EVERY, HISTORY_FIELDS } from '../server/storage/historyScript.js';
import { keysFor } from '../server/storage/keys.js';
import { ReportStore } from '../server/storage/reportStore.js';
import { CrisisFold, type CrisisFoldItem } from '../server/workers/crisisFold.js';
import { fingerprintOf } from '../server/workers/foldBatcher.js';
import { rng } from './helpers/rng.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

/** What GET /api/state shows of a fold's state: its public view, lean (the series are in GET /api/trends). */
const shownView = (state: CrisisState) => leanPicture(publicView(state));
/** The live picture the worker stored, as GET /api/state shows it. */
const storedPicture = async (key: string) => leanPicture(JSON.parse((await redis.get(key))!) as PublicView);

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

const keys = keysFor('h');
const crisisOf = (slug: string): Crisis => ({
  slug,
  name: slug,
  actors: ['Russia', 'Ukraine'],
  places: [],
  keywords: [],
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** A fold item, and the report's record as the worker stores it (what by-reference entries read). */
async function itemOf(input: FoldInput, corrected = false): Promise<CrisisFoldItem> {
  const json = Buffer.from(JSON.stringify(input.extraction));
  if (!corrected) {
    const report = {
      id: input.reportId,
      text: `report ${input.reportId}`,
      dateline: input.dateline,
      receivedAt: input.dateline,
    };
    await redis.hset(
      keys.report(input.reportId),
      'report',
      JSON.stringify(report),
      'status',
      'done',
      'extraction',
      json,
    );
  }
  return {
    id: input.reportId,
    dateline: input.dateline,
    receivedAtMs: Date.parse(input.dateline),
    summary: {
      id: input.reportId,
      dateline: input.dateline,
      receivedAt: input.dateline,
      status: 'done',
      excerpt: '',
      flags: [],
    },
    extracted: { json },
    fingerprint: fingerprintOf(json),
    corrected,
  };
}
const takeOut = (input: FoldInput): CrisisFoldItem => ({
  id: input.reportId,
  dateline: input.dateline,
  receivedAtMs: Date.parse(input.dateline),
  summary: {
    id: input.reportId,
    dateline: input.dateline,
    receivedAt: input.dateline,
    status: 'done',
    excerpt: '',
    flags: [],
  },
  extracted: null,
  fingerprint: null,
});

/** A journalist's correction: the first troop figure doubled, the rest as extracted. */
const corrected = (e: Extraction): Extraction => ({
  ...e,
  troops: e.troops.map((t, i) => (i === 0 ? { ...t, value: t.value * 2 } : t)),
});

type Entry = [string, string[]];
const field = (flat: string[], name: string) => flat[flat.indexOf(name) + 1];

/** One fold from nothing of every history entry up to `ms`, with the inputs as the test made them. */
function foldPrefix(entries: Entry[], byFingerprint: Map<string, Extraction>, ms: number): CrisisState {
  let state = emptyState();
  for (const [id, flat] of entries) {
    if (Number(id.split('-')[0]) > ms) break;
    if (flat.includes(HISTORY_FIELDS.reset)) {
      state = emptyState();
      continue;
    }
    const fp = field(flat, 'f');
    state = applyReports(state, [
      { reportId: field(flat, 'r'), dateline: field(flat, 'd'), extraction: fp ? byFingerprint.get(fp)! : null },
    ]).state;
  }
  return state;
}

const withoutMeta = ({ reports: _r, asOf: _a, seq: _s, crisis: _c, ...rest }: Record<string, unknown>) => rest;
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('as-of history', () => {
  it('the picture read from checkpoints at any moment equals a full fold of the log up to it, and now equals live', async () => {
    const slug = 'prop';
    const crisis = crisisOf(slug);
    const ck = keys.crisis(slug);
    const workers = [0, 1].map(() => new CrisisFold(new FoldStore<CrisisState>(redis, ck, 100_000), {}));
    const random = rng(28);
    const byFingerprint = new Map<string, Extraction>();
    const inputs = Array.from({ length: 900 }, (_, i) => syntheticReport(i));
    for (const input of inputs)
      byFingerprint.set(fingerprintOf(Buffer.from(JSON.stringify(input.extraction))), input.extraction!);

    let next = 0;
    for (let n = 0; next < inputs.length; n++) {
      const size = 1 + Math.floor(random() * 60);
      const batch: CrisisFoldItem[] = [];
      for (const input of inputs.slice(next, next + size)) batch.push(await itemOf(input));
      next += size;
      // Now and then an earlier report is corrected (kept inline) or taken out of the crisis.
      const earlier = inputs[Math.floor(random() * next)];
      const roll = random();
      if (roll < 0.3 && earlier.extraction!.troops.length > 0) {
        const fixed = corrected(earlier.extraction!);
        byFingerprint.set(fingerprintOf(Buffer.from(JSON.stringify(fixed))), fixed);
        batch.push(await itemOf({ ...earlier, extraction: fixed }, true));
      } else if (roll < 0.4) batch.push(takeOut(earlier));
      await workers[n % 2].commit([...new Map(batch.map((b) => [b.id, b])).values()]);
      // Let the clock move so moments fall between commits.
      if (n % 3 === 0) await tick();
    }

    const entries = (await redis.xrange(ck.history, '-', '+')) as Entry[];
    expect(entries.length).toBeGreaterThan(900);
    const checkpoints = await redis.zrange(ck.historyCheckpoints, 0, -1);
    expect(checkpoints.length).toBeGreaterThanOrEqual(Math.floor(entries.length / HISTORY_CHECKPOINT_EVERY));

    const reader = new AsOfReader(redis, keys, new ReportStore(redis, keys));
    const moments = new Set<number>();
    for (let i = 0; i < 25; i++) moments.add(Number(entries[Math.floor(random() * entries.length)][0].split('-')[0]));
    for (const cp of checkpoints.slice(0, 3)) moments.add(Number(cp.split('-')[0]));
    for (const ms of moments) {
      const got = await reader.read(crisis, ms, ms + 1);
      expect(got.asOfIncomplete).toBeUndefined();
      expect(withoutMeta(plain(got) as Record<string, unknown>)).toEqual(
        plain(shownView(foldPrefix(entries, byFingerprint, ms))),
      );
    }

    const live = await storedPicture(ck.publicState);
    const now = await reader.read(crisis, Date.now() + 60_000);
    expect(withoutMeta(plain(now) as Record<string, unknown>)).toEqual(live);
    // Before the first entry: nothing folded yet.
    const before = await reader.read(crisis, Number(entries[0][0].split('-')[0]) - 1);
    expect(withoutMeta(plain(before) as Record<string, unknown>)).toEqual(plain(shownView(emptyState())));
    expect(before.reports).toEqual([]);
  }, 180_000);

  it('a rebuild starts the fold again from nothing; moments before it still show what was shown then', async () => {
    const slug = 'rebuilt';
    const crisis = crisisOf(slug);
    const ck = keys.crisis(slug);
    const fold = () => new CrisisFold(new FoldStore<CrisisState>(redis, ck, 100_000), {});
    const inputs = Array.from({ length: 150 }, (_, i) => syntheticReport(5000 + i));
    const first = fold();
    for (let at = 0; at < 150; at += 50)
      await first.commit(await Promise.all(inputs.slice(at, at + 50).map((i) => itemOf(i))));
    const shownBefore = await storedPicture(ck.publicState);
    // The moment asked for is the last entry's millisecond; the reset lands in a later one.
    const [[lastId]] = (await redis.xrevrange(ck.history, '+', '-', 'COUNT', 1)) as Entry[];
    const beforeRebuild = Number(lastId.split('-')[0]);
    while (Date.now() <= beforeRebuild + 1) await tick();
    // As the re-assignment empties a crisis: its fold keys go, a reset marker joins the history.
    await redis.unlink(
      ck.state,
      ck.stateCheckpointVersion,
      ck.stateLog,
      ck.stateLogReports,
      ck.stateVersion,
      ck.publicState,
      ck.folded,
    );
    await redis.xadd(ck.history, '*', HISTORY_FIELDS.reset, '1');
    const second = fold();
    await second.commit(await Promise.all(inputs.slice(0, 10).map((i) => itemOf(i))));

    const reader = new AsOfReader(redis, keys, new ReportStore(redis, keys));
    const then = await reader.read(crisis, beforeRebuild);
    expect(withoutMeta(plain(then) as Record<string, unknown>)).toEqual(shownBefore);
    expect(then.reports).toHaveLength(50);
    const now = await reader.read(crisis, Date.now() + 1000);
    expect(withoutMeta(plain(now) as Record<string, unknown>)).toEqual(
      plain(shownView(applyReports(emptyState(), inputs.slice(0, 10)).state)),
    );
    expect(now.reports.map((r) => r.id).sort()).toEqual(
      inputs
        .slice(0, 10)
        .map((i) => i.reportId)
        .sort(),
    );
  });

  it('a crisis folded before it had a history starts one from its state then', async () => {
    const slug = 'seeded';
    const crisis = crisisOf(slug);
    const ck = keys.crisis(slug);
    const fold = () => new CrisisFold(new FoldStore<CrisisState>(redis, ck, 100_000), {});
    const inputs = Array.from({ length: 90 }, (_, i) => syntheticReport(7000 + i));
    await fold().commit(await Promise.all(inputs.slice(0, 60).map((i) => itemOf(i))));
    // As a version without the history left it: the fold, and no history keys.
    await redis.unlink(ck.history, ck.historyCheckpoints, ck.historyStates, ck.historySince, ck.historyEvery);
    await fold().commit(await Promise.all(inputs.slice(60).map((i) => itemOf(i))));

    const [[seedId, seedFields]] = (await redis.xrange(ck.history, '-', '+', 'COUNT', 1)) as Entry[];
    expect(seedFields).toContain(HISTORY_FIELDS.seed);
    const reader = new AsOfReader(redis, keys, new ReportStore(redis, keys));
    const now = await reader.read(crisis, Date.now() + 1000);
    expect(withoutMeta(plain(now) as Record<string, unknown>)).toEqual(await storedPicture(ck.publicState));
    expect(withoutMeta(plain(now) as Record<string, unknown>)).toEqual(
      plain(shownView(applyReports(emptyState(), inputs).state)),
    );
    const before = await reader.read(crisis, Number(seedId.split('-')[0]) - 1);
    expect(before.troops.current).toBeNull();
  });

  it('past the most checkpoints kept, every other one goes and the spacing doubles; pictures stay exact', async () => {
    const slug = 'thinned';
    const crisis = crisisOf(slug);
    const ck = keys.crisis(slug);
    const limits = { every: 4, maxCheckpoints: 6 };
    const fold = new CrisisFold(new FoldStore<CrisisState>(redis, ck, 100_000, limits), {});
    const inputs = Array.from({ length: 200 }, (_, i) => syntheticReport(9000 + i));
    const byFingerprint = new Map<string, Extraction>();
    for (const input of inputs)
      byFingerprint.set(fingerprintOf(Buffer.from(JSON.stringify(input.extraction))), input.extraction!);
    for (let at = 0, n = 0; at < inputs.length; n++) {
      const size = 1 + (n % 7);
      await fold.commit(await Promise.all(inputs.slice(at, at + size).map((i) => itemOf(i))));
      at += size;
      if (n % 4 === 0) await tick();
    }
    const checkpoints = await redis.zrange(ck.historyCheckpoints, 0, -1);
    expect(checkpoints.length).toBeLessThanOrEqual(limits.maxCheckpoints);
    expect(await redis.hlen(ck.historyStates)).toBe(checkpoints.length);
    // 200 reports at 4, 8, 16, 32, … apart: the spacing doubled until six checkpoints cover them.
    expect(Number(await redis.get(ck.historyEvery))).toBeGreaterThanOrEqual(32);

    const entries = (await redis.xrange(ck.history, '-', '+')) as Entry[];
    const reader = new AsOfReader(redis, keys, new ReportStore(redis, keys));
    for (const [id] of entries.filter((_, i) => i % 17 === 0)) {
      const ms = Number(id.split('-')[0]);
      const got = await reader.read(crisis, ms, ms + 1);
      expect(withoutMeta(plain(got) as Record<string, unknown>)).toEqual(
        plain(shownView(foldPrefix(entries, byFingerprint, ms))),
      );
    }
  });
});
