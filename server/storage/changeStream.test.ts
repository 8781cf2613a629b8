/**
 * Reading a change's type from the head of its stream entry (what the alert evaluator skips
 * unparsed by), on entries written the way the app writes them, to a real Redis.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeBody } from '../../shared/events.js';
import { startRedis, type TestRedis } from '../../test/helpers/redisServer.js';
import { appendChange, CHANGE_FIELD, parseEntry, peekType } from './changeStream.js';

let redis: TestRedis | undefined;
let client: Redis | undefined;
afterEach(async () => {
  client?.disconnect();
  await redis?.stop();
  client = undefined;
  redis = undefined;
});

const summary = {
  id: 'r1',
  title: 'Talks "resume"',
  source: 'wire',
  dateline: '2022-01-19',
  status: 'done',
  flags: [],
};

/** One change of every type, in the shape the app builds them. */
const changes = [
  { type: 'report.added', id: 'r1', report: summary },
  { type: 'report.updated', id: 'r1', report: summary },
  { type: 'tension.updated', tension: { pairs: [] } },
  { type: 'troops.updated', troops: { claims: [] } },
  { type: 'meeting.upserted', meeting: { id: 'm1', sources: [] } },
  { type: 'flag.changed', id: 'r1', flags: [] },
  { type: 'alert.fired', subscriptionId: 's1', userId: 'ana', title: 'type: "x"', body: '', changeSeq: '1-0' },
] as unknown as ChangeBody[];

describe('change stream entries', () => {
  it('give their type from the head of the JSON, the same as parsing them', async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
    const multi = client.multi();
    for (const change of changes) appendChange(multi, 'changes', change, 1000);
    await multi.exec();
    const entries = (await client.xrange('changes', '-', '+')) as [string, string[]][];
    expect(entries.map(peekType)).toEqual(changes.map((c) => c.type));
    expect(entries.map((e) => parseEntry(e)?.type)).toEqual(changes.map((c) => c.type));
  });

  it('give no type when the head is in another form, so the reader parses the entry', () => {
    const entry = (json: string): [string, string[]] => ['1-0', [CHANGE_FIELD, json]];
    expect(peekType(entry('{"id":"r1","type":"report.added"}'))).toBeNull();
    expect(peekType(entry('{ "type": "report.added" }'))).toBeNull();
    expect(peekType(['1-0', ['other', '{"type":"report.added"}']])).toBeNull();
    expect(peekType(entry('{"type":"report.added","id":"r1"}'))).toBe('report.added');
  });
});
