/**
 * The alert evaluator: reads the change stream through the consumer group "alerts", so each
 * change is judged once however many workers run. For each change it judges every
 * subscription that watches that kind of change, enqueues one deliver job per match
 * (jobId = alert key = `<subscription>_<seq>`), moves the memos forward, and only then XACKs.
 * A worker that dies in between leaves the entry pending; another claims it (XAUTOCLAIM)
 * after ALERTS_CLAIM_IDLE_MS and judges it again: BullMQ's jobId keeps that one job.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Change, ChangeType } from '../../shared/events.js';
import { alertKey, type DeliverJob, type DeliverQueue } from '../queues/deliverProducer.js';
import type { AlertMemoStore } from '../storage/alertMemoStore.js';
import { compareSeq, parseEntry, peekType } from '../storage/changeStream.js';
import type { ReportStore } from '../storage/reportStore.js';
import type { SubscriptionStore } from '../storage/subscriptionStore.js';
import { judge, ruleNeedsReport, ruleWatches, type ReportForRules } from './rules.js';
import type { Subscription } from './types.js';

export const ALERTS_GROUP = 'alerts';
const BLOCK_MS = 2000;
const BATCH = 100;

type RawEntry = [id: string, fields: string[]];

export type EvaluatorDeps = {
  /** Its own connection: XREADGROUP BLOCK holds it. */
  blocking: Redis;
  command: Redis;
  streamKey: string;
  subscriptions: SubscriptionStore;
  memos: AlertMemoStore;
  reports: ReportStore;
  queue: DeliverQueue;
  claimIdleMs: number;
  log: Logger;
};

export class AlertEvaluator {
  readonly consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private lastClaimAt = 0;

  constructor(private readonly deps: EvaluatorDeps) {}

  async start(): Promise<void> {
    await this.ensureGroup();
    this.loop = this.run();
  }

  /** Stops reading; an entry being judged is finished (or left pending for another worker). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.deps.blocking.disconnect(); // wakes the blocked XREADGROUP
    await this.loop;
  }

  /** Creates the group at the stream's end (alerts are about what happens from now on); idempotent. */
  private async ensureGroup(): Promise<void> {
    try {
      await this.deps.command.xgroup('CREATE', this.deps.streamKey, ALERTS_GROUP, '$', 'MKSTREAM');
    } catch (err) {
      if (!/BUSYGROUP/.test((err as Error).message)) throw err;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (Date.now() - this.lastClaimAt > this.deps.claimIdleMs / 2) await this.claimAbandoned();
        const result = (await this.deps.blocking.xreadgroup(
          'GROUP',
          ALERTS_GROUP,
          this.consumer,
          'COUNT',
          BATCH,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          this.deps.streamKey,
          '>',
        )) as [string, RawEntry[]][] | null;
        const entries = result?.[0]?.[1] ?? [];
        if (entries.length > 0) await this.handle(entries);
      } catch (err) {
        if (this.stopped) break;
        const message = (err as Error).message;
        if (/NOGROUP/.test(message))
          await this.ensureGroup().catch(() => undefined); // the stream was reset
        else this.deps.log.warn({ err: message }, 'alert evaluator: stream unreachable; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Takes over entries another consumer read but never acknowledged (it died). */
  private async claimAbandoned(): Promise<void> {
    this.lastClaimAt = Date.now();
    let cursor = '0-0';
    do {
      const [next, entries, deleted] = (await this.deps.command.xautoclaim(
        this.deps.streamKey,
        ALERTS_GROUP,
        this.consumer,
        this.deps.claimIdleMs,
        cursor,
        'COUNT',
        BATCH,
      )) as [string, RawEntry[], string[]?];
      if (entries.length > 0) {
        this.deps.log.info({ count: entries.length }, 'alert evaluator: judging changes a dead consumer left pending');
        await this.handle(entries);
      }
      // Entries trimmed from the stream while pending cannot be judged any more: acknowledge them.
      if (deleted && deleted.length > 0) await this.deps.command.xack(this.deps.streamKey, ALERTS_GROUP, ...deleted);
      cursor = next;
    } while (cursor !== '0-0' && !this.stopped);
  }

  /**
   * Judges a batch read from the group, then acknowledges it in one XACK. The subscriptions are
   * read once per batch: every change in it was written before that read. Under a burst this
   * spares the worker two round trips per change; a consumer that dies mid-batch leaves the
   * whole batch pending, and judging a change again enqueues nothing twice (memos, jobIds).
   */
  private async handle(entries: RawEntry[]): Promise<void> {
    const subscriptions = await this.deps.subscriptions.all();
    for (const entry of entries) {
      // A change no subscription watches is not parsed at all: under a burst most changes are
      // 4-5 KB of meetings and reports, read here by every worker's evaluator.
      const type = peekType(entry);
      if (type !== null && !subscriptions.some((s) => ruleWatches(s.rule, type as ChangeType))) continue;
      const change = parseEntry(entry);
      if (change) await this.judgeChange(change, subscriptions);
    }
    await this.deps.command.xack(this.deps.streamKey, ALERTS_GROUP, ...entries.map(([id]) => id));
  }

  /** Judges one change against every subscription of `subscriptions` watching it; enqueues matches; moves memos forward. */
  private async judgeChange(change: Change, subscriptions: readonly Subscription[]): Promise<void> {
    const watching = subscriptions.filter((s) => ruleWatches(s.rule, change.type));
    if (watching.length === 0) return;
    const report = watching.some((s) => ruleNeedsReport(s.rule)) ? await this.reportFor(change) : undefined;
    const memos = await this.deps.memos.getMany(watching.map((s) => s.id));
    const jobs: { sub: Subscription; job: DeliverJob }[] = [];
    const moved: { id: string; memo: (typeof memos)[number]['memo'] }[] = [];
    watching.forEach((sub, i) => {
      // Older than the memo: judged already, or made before this subscription existed.
      if (compareSeq(memos[i].seq, change.seq) >= 0) return;
      const { alert, memo } = judge(sub.rule, change, { memo: memos[i].memo, report });
      moved.push({ id: sub.id, memo });
      if (!alert) return;
      const key = alertKey(sub.id, change.seq);
      jobs.push({
        sub,
        job: {
          kind: 'alert',
          subscriptionId: sub.id,
          key,
          changeSeq: change.seq,
          alert,
          firedAt: new Date().toISOString(),
        },
      });
    });
    if (jobs.length > 0)
      await this.deps.queue.addBulk(jobs.map(({ job }) => ({ name: 'alert', data: job, opts: { jobId: job.key } })));
    for (const m of moved) await this.deps.memos.setIfNewer(m.id, change.seq, m.memo);
  }

  private async reportFor(change: Change): Promise<ReportForRules | undefined> {
    if (change.type !== 'report.added' && change.type !== 'flag.changed') return undefined;
    const stored = await this.deps.reports.get(change.id);
    if (!stored) return change.type === 'report.added' ? { ...change.report, text: change.report.excerpt } : undefined;
    const { report, extraction } = stored;
    return {
      id: report.id,
      text: report.text,
      title: report.title,
      source: report.source,
      dateline: report.dateline,
      entities: extraction?.entities,
    };
  }
}
