/**
 * The deliver processor's digest path on real Redis (gate, sent-alert store, delivery log), with a
 * channel and a queue that only record: which follow-ups a digest's delivery adds for corrections
 * that went by while its alerts waited. Each grouped alert is judged on the time of its change, as
 * an alert sent at once is: an evaluator that judged late still judged the state of then.
 */
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { TroopMention } from '../../shared/extraction.js';
import { startRedis, type TestRedis } from '../../test/helpers/redisServer.js';
import type { DeliverJob, DeliverQueue } from '../queues/deliverProducer.js';
import { DeliveryLog } from '../storage/deliveryLog.js';
import { keysFor } from '../storage/keys.js';
import { SentAlertStore } from '../storage/sentAlertStore.js';
import type { SubscriptionStore } from '../storage/subscriptionStore.js';
import type { ChannelRegistry } from './channels/index.js';
import { createDeliveryProcessor } from './deliveryWorker.js';
import type { AlertFact } from './facts.js';
import { AlertGate } from './throttle.js';
import type { OutgoingAlert, Subscription } from './types.js';

let redis: TestRedis;
let client: Redis;
beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
});

const sub: Subscription = {
  id: 'sub1',
  owner: 'ana',
  createdAt: '',
  name: 'troops',
  rule: { type: 'troops.above', threshold: 50_000 },
  channel: { type: 'webhook', url: 'http://127.0.0.1/hook', format: 'json' },
  throttleMinutes: 10,
};

const mention = (value: number, start: number): TroopMention => ({
  value,
  qualifier: 'about',
  hypothetical: false,
  evidence: { text: `${value} troops`, start, end: start + 10 },
});
const troopFact = (reportId: string, start: number): AlertFact => ({
  kind: 'troop',
  reportId,
  span: [start, start + 10],
});

function setUp() {
  const keys = keysFor(`digest-fu-${Math.random().toString(36).slice(2)}`);
  const sent: OutgoingAlert[] = [];
  const added: DeliverJob[] = [];
  const deliver = async (alert: OutgoingAlert) => {
    sent.push(alert);
    return { code: 200 };
  };
  const queue = {
    add: async (_name: string, data: DeliverJob) => void added.push(data),
    addBulk: async (jobs: { data: DeliverJob }[]) => void added.push(...jobs.map((j) => j.data)),
  } as unknown as DeliverQueue;
  const process = createDeliveryProcessor({
    redis: client,
    keys,
    subscriptions: { get: async () => sub } as unknown as SubscriptionStore,
    gate: new AlertGate(client, keys),
    deliveries: new DeliveryLog(client, keys),
    channels: { webhook: { deliver }, email: { deliver }, inapp: { deliver } } as ChannelRegistry,
    queue,
    publicUrl: 'http://desk.example.test',
    log: pino({ level: 'silent' }),
    sent: new SentAlertStore(client, keys),
    crisisSlugs: async () => ['c1'],
    meetingsOf: async () => [],
  });
  const run = (data: DeliverJob) => process({ data, attemptsMade: 0, opts: { attempts: 1 } } as Job<DeliverJob>);
  const alert = (key: string, title: string, changeMs: number, firedMs: number, facts: AlertFact[]) =>
    run({
      kind: 'alert',
      subscriptionId: sub.id,
      key,
      changeSeq: `${changeMs}-0`,
      alert: { title, body: title, reportId: key, crisis: 'c1', facts },
      firedAt: new Date(firedMs).toISOString(),
    });
  const correction = (reportId: string, before: TroopMention, after: TroopMention) =>
    run({
      kind: 'facts',
      key: `facts_${reportId}_c1`,
      event: { reportId, cause: { type: 'correction', id: 'c1' }, changes: [{ kind: 'troop', before, after }] },
    });
  return { sent, added, run, alert, correction };
}

it('a correction that went by while an alert waited in a digest is followed up, naming the digest', async () => {
  const { sent, added, run, alert, correction } = setUp();
  const start = Date.now();
  expect(await alert('a', 'A', start - 3000, start - 3000, [troopFact('r0', 0)])).toBe('delivered');

  // B's change came before the correction of its figure; the evaluator judged it (and fired) only
  // after: it still told the figure as it was.
  expect(await correction('r1', mention(127_000, 5), mention(12_700, 5))).toBe('0 follow-up(s)');
  expect(await alert('b', 'B', start - 2000, Date.now() + 1000, [troopFact('r1', 5)])).toBe('held');
  // C's change came after the correction of its own figure: it told the corrected figure.
  expect(await correction('r2', mention(90_000, 7), mention(9_000, 7))).toBe('0 follow-up(s)');
  expect(await alert('c', 'C', Date.now() + 1, Date.now() + 1, [troopFact('r2', 7)])).toBe('held');

  const digest = added.find((j) => j.kind === 'digest')!;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start + 11 * 60_000);
  expect(await run(digest)).toBe('delivered');

  expect(sent.map((a) => a.key)).toEqual(['a', digest.key]);
  const followUps = added.filter((j) => j.kind === 'followup');
  expect(followUps).toHaveLength(1);
  expect(followUps[0].followUp).toMatchObject({
    corrects: digest.key,
    originalTitle: sent[1].title,
    item: 'B',
    fact: { kind: 'troop', reportId: 'r1' },
    before: { value: 127_000 },
    after: { value: 12_700 },
  });
  // The digest's webhook items carry what the subscriber reads, not the judged-on time.
  expect(sent[1].items?.map((i) => Object.keys(i).includes('judgedOnMs'))).toEqual([false, false]);
});
