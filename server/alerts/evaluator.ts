/**
 * The alert evaluator: reads the desk stream (reports, flags) and every crisis' stream (its
 * tension, troops and meetings) through the consumer group "alerts" on each, so each change is
 * judged once however many workers run. For each change it judges every subscription that
 * watches that kind of change in that crisis (or in every crisis), enqueues one deliver job per
 * match (jobId = alert key = `<subscription>_<crisis or "desk">_<seq>`), moves the memos forward, and only
 * then XACKs. A worker that dies in between leaves the entry pending; another claims it
 * (XAUTOCLAIM) after ALERTS_CLAIM_IDLE_MS and judges it again: BullMQ's jobId keeps that one job.
 * Report-level changes are judged on the desk stream only (a crisis' stream repeats them for its
 * wall), so a report is never alerted twice.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Change, ChangeType } from '../../shared/events.js';
import { alertKey, type DeliverJob, type DeliverQueue } from '../queues/deliverProducer.js';
import { memoStream, type AlertMemoStore } from '../storage/alertMemoStore.js';
import { compareSeq } from '../../shared/seq.js';
import { parseEntry, peekType } from '../storage/changeStream.js';
import type { ReportStore } from '../storage/reportStore.js';
import type { SubscriptionStore } from '../storage/subscriptionStore.js';
import { reportWords, type ReportWords } from './mentions.js';
import { judge, ruleNeedsReport, ruleWatches, type ReportForRules } from './rules.js';
import type { AlertContent, Subscription } from './types.js';

export const ALERTS_GROUP = 'alerts';
const BLOCK_MS = 2000;
const BATCH = 100;

type RawEntry = [id: string, fields: string[]];

/** What a crisis' stream carries that is alerted on (the rest is judged on the desk stream). */
const CRISIS_CHANGES: ReadonlySet<ChangeType> = new Set(['tension.updated', 'troops.updated', 'meeting.upserted']);

type Stream = { key: string; crisis: string | null };

export type EvaluatorDeps = {
  /** Its own connection: XREADGROUP BLOCK holds it. */
  blocking: Redis;
  command: Redis;
  deskStreamKey: string;
  crisisStreamKey(slug: string): string;
  /** The crises that exist now, by slug, with their names (read at start and when one is made). */
  crises(): Promise<{ slug: string; name: string }[]>;
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
  private streams = new Map<string, Stream>();
  private names = new Map<string, string>();

  constructor(private readonly deps: EvaluatorDeps) {}

  async start(): Promise<void> {
    const desk = { key: this.deps.deskStreamKey, crisis: null };
    this.streams.set(desk.key, desk);
    await this.ensureGroup(desk.key, '$');
    for (const crisis of await this.deps.crises()) await this.follow(crisis, '$');
    this.loop = this.run();
  }

  /** Judges a crisis' stream too; from its start for one made while running (nothing of it is missed). */
  private async follow(crisis: { slug: string; name: string }, from: '$' | '0'): Promise<void> {
    this.names.set(crisis.slug, crisis.name);
    const key = this.deps.crisisStreamKey(crisis.slug);
    if (this.streams.has(key)) return;
    await this.ensureGroup(key, from);
    this.streams.set(key, { key, crisis: crisis.slug });
  }

  /** Stops reading; an entry being judged is finished (or left pending for another worker). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.deps.blocking.disconnect(); // wakes the blocked XREADGROUP
    await this.loop;
  }

  /** Creates the group (at the stream's end: alerts are about what happens from now on); idempotent. */
  private async ensureGroup(key: string, from: '$' | '0'): Promise<void> {
    try {
      await this.deps.command.xgroup('CREATE', key, ALERTS_GROUP, from, 'MKSTREAM');
    } catch (err) {
      if (!/BUSYGROUP/.test((err as Error).message)) throw err;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (Date.now() - this.lastClaimAt > this.deps.claimIdleMs / 2) await this.claimAbandoned();
        const streams = [...this.streams.values()];
        const result = (await this.deps.blocking.xreadgroup(
          'GROUP',
          ALERTS_GROUP,
          this.consumer,
          'COUNT',
          BATCH,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...streams.map((st) => st.key),
          ...streams.map(() => '>'),
        )) as [string, RawEntry[]][] | null;
        for (const [key, entries] of result ?? []) {
          const stream = this.streams.get(key);
          if (stream && entries.length > 0) await this.handle(stream, entries);
        }
      } catch (err) {
        if (this.stopped) break;
        const message = (err as Error).message;
        if (/NOGROUP/.test(message)) {
          // A stream was removed (its crisis) or reset: make the groups again where it is not gone.
          await this.regroup().catch(() => undefined);
        } else this.deps.log.warn({ err: message }, 'alert evaluator: stream unreachable; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** After a NOGROUP: follows the crises that exist now, and makes any group that went missing. */
  private async regroup(): Promise<void> {
    const crises = await this.deps.crises();
    const keep = new Set([this.deps.deskStreamKey, ...crises.map((c) => this.deps.crisisStreamKey(c.slug))]);
    for (const key of this.streams.keys()) if (!keep.has(key)) this.streams.delete(key);
    for (const stream of this.streams.values()) await this.ensureGroup(stream.key, '0');
    for (const crisis of crises) await this.follow(crisis, '0');
  }

  /** Takes over entries another consumer read but never acknowledged (it died). */
  private async claimAbandoned(): Promise<void> {
    this.lastClaimAt = Date.now();
    for (const stream of [...this.streams.values()]) {
      let cursor = '0-0';
      do {
        const [next, entries, deleted] = (await this.deps.command.xautoclaim(
          stream.key,
          ALERTS_GROUP,
          this.consumer,
          this.deps.claimIdleMs,
          cursor,
          'COUNT',
          BATCH,
        )) as [string, RawEntry[], string[]?];
        if (entries.length > 0) {
          this.deps.log.info(
            { count: entries.length },
            'alert evaluator: judging changes a dead consumer left pending',
          );
          await this.handle(stream, entries);
        }
        // Entries trimmed from the stream while pending cannot be judged any more: acknowledge them.
        if (deleted && deleted.length > 0) await this.deps.command.xack(stream.key, ALERTS_GROUP, ...deleted);
        cursor = next;
      } while (cursor !== '0-0' && !this.stopped);
    }
  }

  /**
   * Judges a batch read from the group, then acknowledges it in one XACK. The subscriptions are
   * read once per batch: every change in it was written before that read. Under a burst this
   * spares the worker two round trips per change; a consumer that dies mid-batch leaves the
   * whole batch pending, and judging a change again enqueues nothing twice (memos, jobIds).
   */
  private async handle(stream: Stream, entries: RawEntry[]): Promise<void> {
    const subscriptions = await this.deps.subscriptions.all();
    for (const entry of entries) {
      // A change no subscription watches is not parsed at all: under a burst most changes are
      // 4-5 KB of meetings and reports, read here by every worker's evaluator.
      const type = peekType(entry) as ChangeType | null;
      if (type === 'crisis.changed' && stream.crisis === null) {
        await this.crisisChanged(entry);
        continue;
      }
      if (type !== null && stream.crisis !== null && !CRISIS_CHANGES.has(type)) continue;
      if (type !== null && !subscriptions.some((s) => ruleWatches(s.rule, type))) continue;
      const change = parseEntry(entry, stream.crisis);
      if (change) await this.judgeChange(change, subscriptions);
    }
    await this.deps.command.xack(stream.key, ALERTS_GROUP, ...entries.map(([id]) => id));
  }

  /** A crisis made, renamed or removed: follow its stream from its start, or stop. */
  private async crisisChanged(entry: RawEntry): Promise<void> {
    const change = parseEntry(entry);
    if (change?.type !== 'crisis.changed') return;
    if (change.definition) await this.follow(change.definition, '0');
    else {
      this.streams.delete(this.deps.crisisStreamKey(change.slug));
      this.names.delete(change.slug);
    }
  }

  /** Whether a subscription watches the crisis a change is about (desk changes: the report's crises). */
  private inScope(sub: Subscription, change: Change, report: ReportForRules | undefined): boolean {
    if (!sub.crisis) return true;
    if (change.crisis !== null) return change.crisis === sub.crisis;
    const crises = change.type === 'report.added' ? change.report.crises : report?.crises;
    return (crises ?? []).some((c) => c.slug === sub.crisis);
  }

  /** A crisis' alerts say which crisis they are about (in the title, and for the record of their facts). */
  private titled(alert: AlertContent, change: Change): AlertContent {
    const name = change.crisis === null ? undefined : this.names.get(change.crisis);
    const withCrisis = { ...alert, crisis: change.crisis };
    return name ? { ...withCrisis, title: `${name}: ${alert.title}` } : withCrisis;
  }

  /** Judges one change against every subscription of `subscriptions` watching it; enqueues matches; moves memos forward. */
  private async judgeChange(change: Change, subscriptions: readonly Subscription[]): Promise<void> {
    // An e-mail address not yet confirmed is sent nothing (emailConfirmation.ts): not judged at all.
    const candidates = subscriptions.filter(
      (s) => ruleWatches(s.rule, change.type) && (s.channel.type !== 'email' || s.channel.confirmedAt),
    );
    if (candidates.length === 0) return;
    const needReport = candidates.some((s) => ruleNeedsReport(s.rule) || (s.crisis && change.type === 'flag.changed'));
    const report = needReport ? await this.reportFor(change) : undefined;
    const watching = candidates.filter((s) => this.inScope(s, change, report));
    if (watching.length === 0) return;
    const stream = memoStream(change.crisis);
    const memos = await this.deps.memos.getMany(
      watching.map((s) => s.id),
      stream,
    );
    // The report cut into words once for every mention rule (their terms are compiled once per subscription change).
    let words: ReportWords | undefined;
    const wordsOf = (r: ReportForRules) => (words ??= reportWords(r));
    const jobs: { sub: Subscription; job: DeliverJob }[] = [];
    const moved: { id: string; memo: (typeof memos)[number]['memo'] }[] = [];
    watching.forEach((sub, i) => {
      // Older than the memo: judged already, or made before this subscription existed.
      if (compareSeq(memos[i].seq, change.seq) >= 0) return;
      const { alert, memo } = judge(sub.rule, change, {
        memo: memos[i].memo,
        report,
        words: sub.rule.type === 'mention' && report ? wordsOf(report) : undefined,
      });
      moved.push({ id: sub.id, memo });
      if (!alert) return;
      const key = alertKey(sub.id, change.crisis ?? 'desk', change.seq);
      jobs.push({
        sub,
        job: {
          kind: 'alert',
          subscriptionId: sub.id,
          key,
          changeSeq: change.seq,
          alert: this.titled(alert, change),
          firedAt: new Date().toISOString(),
        },
      });
    });
    if (jobs.length > 0)
      await this.deps.queue.addBulk(jobs.map(({ job }) => ({ name: 'alert', data: job, opts: { jobId: job.key } })));
    for (const m of moved) await this.deps.memos.setIfNewer(m.id, stream, change.seq, m.memo);
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
      crises: stored.crises,
    };
  }
}
