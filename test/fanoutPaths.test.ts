/**
 * Both fan-out paths end to end (HTTP → worker → change stream → Socket.IO client): the default,
 * changes written straight to each websocket (FRAME_BROADCAST), and Socket.IO's own broadcast
 * (FRAME_BROADCAST=false). A wall gets the same changes, in seq order, on either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../shared/events.js';
import { compareSeq } from '../shared/seq.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected } from './helpers/socketClient.js';

const TEXTS = [
  'Officials said Russia has about 90,000 troops near the border with Ukraine.',
  'Ukraine said Russia now has 100,000 troops near its border, and Moscow threatened retaliation.',
  'Diplomats from Russia and the United States will hold talks on Ukraine in Geneva on Monday.',
];

describe.each<{ path: string; env: Record<string, string> }>([
  { path: 'direct writes (default)', env: {} },
  { path: "Socket.IO's broadcast", env: { FRAME_BROADCAST: 'false' } },
])('fan-out by $path', ({ env }) => {
  let redis: TestRedis;
  let app: TestApp;

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { env });
  });
  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  it('every change of a burst reaches each wall once, in seq order', async () => {
    const walls = [connectClient(app.url, { token: DISPLAY_TOKEN }), connectClient(app.url, { token: DISPLAY_TOKEN })];
    try {
      await Promise.all(walls.map(connected));
      await waitFor(async () => walls.every((w) => w.snapshots.length > 0), 5_000, 'the snapshots');
      const ids = await Promise.all(
        TEXTS.map(async (text, i) => {
          const res = await postReport(app.url, { text, dateline: `2022-01-${19 + i}`, title: `Report ${i}` });
          return ((await res.json()) as { id: string }).id;
        }),
      );
      const added = (w: (typeof walls)[number]) =>
        w.changes.filter((c): c is Extract<Change, { type: 'report.added' }> => c.type === 'report.added');
      await waitFor(async () => walls.every((w) => added(w).length === ids.length), 15_000, 'every report.added');
      for (const wall of walls) {
        expect(new Set(added(wall).map((c) => c.id))).toEqual(new Set(ids));
        const seqs = wall.changes.map((c) => c.seq);
        expect(new Set(seqs).size).toBe(seqs.length);
        expect([...seqs].sort(compareSeq)).toEqual(seqs);
        expect(wall.changes.some((c) => c.type === 'troops.updated')).toBe(true);
      }
      expect(walls[1].changes.map((c) => c.seq)).toEqual(walls[0].changes.map((c) => c.seq));
    } finally {
      for (const w of walls) w.close();
    }
  });
});
