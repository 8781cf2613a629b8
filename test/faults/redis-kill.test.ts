/**
 * Drill: kill -9 Redis mid-ingest, restart it from its AOF. Every 202 is there afterwards;
 * while Redis is down POST answers 503 within 2 s and /readyz says not ready; api and worker
 * recover by themselves.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { postReport, waitFor } from '../helpers/app.js';
import { hasBuild } from '../helpers/processes.js';
import { addedInStream, drillStage, drillText, waitAllDone } from './drillTools.js';

const stage = drillStage();

describe.skipIf(!hasBuild)('kill -9 of Redis mid-ingest', () => {
  it('keeps every accepted report, answers 503 fast while down, and recovers by itself', async () => {
    const prefix = `f${randomBytes(4).toString('hex')}`;
    const api = await stage.start('api', prefix);
    await stage.start('worker', prefix);

    // Ingest runs continuously across the outage.
    let stop = false;
    const accepted: string[] = [];
    const unavailableMs: number[] = [];
    const others: number[] = [];
    let i = 0;
    const poster = async () => {
      while (!stop) {
        const started = Date.now();
        const res = await postReport(api.url!, { text: drillText('redis-kill', i++), dateline: '2022-01-19' });
        const body = (await res.json()) as { id?: string };
        if (res.status === 202 && body.id) accepted.push(body.id);
        else if (res.status === 503) {
          unavailableMs.push(Date.now() - started);
          await new Promise((r) => setTimeout(r, 50));
        } else others.push(res.status);
      }
    };
    const posters = Array.from({ length: 4 }, poster);
    await waitFor(async () => accepted.length >= 300, 30_000, '300 accepted before the kill');

    stage.redis.kill9();
    await new Promise((r) => setTimeout(r, 300));
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(503);
    await new Promise((r) => setTimeout(r, 2500));
    const acceptedBeforeRestart = accepted.length;
    await stage.redis.restart();
    await waitFor(async () => accepted.length >= acceptedBeforeRestart + 300, 30_000, '300 accepted after the restart');
    stop = true;
    await Promise.all(posters);

    const probe = new Redis(stage.redis.url);
    const waited = await waitAllDone(probe, prefix, accepted, 60_000);
    const stream = await addedInStream(probe, prefix);
    const inCrisis = await addedInStream(probe, prefix, true);
    const lost = accepted.filter((id) => !stream.has(id) || !inCrisis.has(id)).length;
    const doubled = [...stream.values(), ...inCrisis.values()].filter((n) => n > 1).length;
    console.log(
      `drill redis-kill: accepted ${accepted.length}, lost ${lost}, doubled ${doubled}, 503 answers ${unavailableMs.length} ` +
        `(slowest ${Math.max(0, ...unavailableMs)} ms), other statuses ${JSON.stringify(others)}, all done ${waited} ms after the last post`,
    );
    expect(unavailableMs.length).toBeGreaterThan(0);
    expect(Math.max(...unavailableMs)).toBeLessThan(2000);
    expect(others.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(lost).toBe(0);
    expect(doubled).toBe(0);
    await waitFor(async () => (await fetch(`${api.url}/readyz`)).status === 200, 15_000, 'ready again');
    probe.disconnect();
  });
});
