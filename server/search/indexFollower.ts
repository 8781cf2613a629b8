/**
 * Keeps one api node's search index (search/reportIndex.ts) over every report: at start it reads
 * every report from Redis, then follows the desk stream, where every change to a report is told
 * (taken, re-folded after a correction or a move between crises, flagged, verified, removed).
 * The stream's end is read before the first report, so nothing written during the build is
 * missed (a change seen twice only re-reads a report). Any number of nodes each keep their own;
 * a node that restarts builds again. A gap in the stream (trimmed while this node was cut off
 * from Redis) is healed by building again.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { compareSeq } from '../../shared/seq.js';
import { ChangeStream, parseEntry } from '../storage/changeStream.js';
import type { IndexSource } from './indexSource.js';
import { ReportIndex } from './reportIndex.js';

const PAGE = 500;
/** Tombstones (search/reportIndex.ts) past this share of live reports start a fresh build. */
const TOMBSTONE_SHARE = 0.25;
const MIN_TOMBSTONES = 10_000;
const BLOCK_MS = 2000;
const READ_COUNT = 1000;

export type IndexProgress = { ready: boolean; indexed: number; total: number; buildMs?: number };

export class IndexFollower {
  index = new ReportIndex();
  private after = '0-0';
  private progress: IndexProgress = { ready: false, indexed: 0, total: 0 };
  private stopped = false;
  private loop: Promise<void> | null = null;
  private waiters: { seq: string; resolve: () => void }[] = [];
  private readonly stream: ChangeStream;
  /** The index being built, while `index` (if ready) still answers. */
  private building: ReportIndex | null = null;

  constructor(
    /** A connection of its own: it blocks on XREAD. */
    private readonly blocking: Redis,
    /** For the quick reads (the stream's end) while the other one blocks. */
    command: Redis,
    private readonly source: IndexSource,
    deskKey: string,
    private readonly log: Logger,
  ) {
    this.stream = new ChangeStream(command, deskKey);
  }

  /** Starts building in the background; `status()` says when it is ready. */
  start(): void {
    this.loop = this.run();
  }

  status(): IndexProgress {
    return { ...this.progress, indexed: (this.building ?? this.index).size };
  }

  /**
   * Resolves once every change up to the desk stream's end as it is now is in the index, or after
   * `timeoutMs` (then the answer may miss the latest changes): a search answers with what was
   * written before it was asked.
   */
  async caughtUp(timeoutMs: number): Promise<void> {
    const seq = await this.stream.lastSeq();
    if (compareSeq(this.after, seq) >= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push({
        seq,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
    await this.loop;
  }

  /**
   * Reads every report into a new index. An index already answering goes on answering meanwhile
   * (without the changes of those seconds, which are applied once the new one takes over).
   */
  private async build(): Promise<void> {
    const t0 = performance.now();
    const index = new ReportIndex();
    this.building = index;
    this.progress = { ...this.progress, total: await this.source.count() };
    const after = await this.stream.lastSeq();
    for await (const ids of this.source.allIds(PAGE)) {
      if (this.stopped) return;
      for (const r of await this.source.read(ids)) if (r) index.upsert(r);
    }
    this.index = index;
    this.building = null;
    this.after = after;
    this.progress = {
      ready: true,
      indexed: index.size,
      total: index.size,
      buildMs: Math.round(performance.now() - t0),
    };
    this.log.info({ reports: index.size, ms: this.progress.buildMs }, 'search index built');
  }

  private async run(): Promise<void> {
    let needsBuild = true;
    while (!this.stopped) {
      try {
        if (needsBuild) {
          await this.build();
          needsBuild = false;
        }
        const entries = (await this.blocking.xread(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          this.stream.key,
          this.after,
        )) as [string, [string, string[]][]][] | null;
        const batch = entries?.[0]?.[1] ?? [];
        if (batch.length > 0) {
          await this.apply(batch);
          this.after = batch[batch.length - 1][0];
          const { tombstones, size } = this.index;
          needsBuild = tombstones > Math.max(MIN_TOMBSTONES, size * TOMBSTONE_SHARE);
        }
        this.wake();
      } catch (err) {
        if (this.stopped) break;
        this.log.warn({ err: (err as Error).message }, 'search index: change stream unreachable; retrying');
        await new Promise((r) => setTimeout(r, 500));
        needsBuild = needsBuild || !(await this.stream.reachesBackTo(this.after).catch(() => true));
      }
    }
  }

  private async apply(batch: [string, string[]][]): Promise<void> {
    const touched = new Set<string>();
    for (const entry of batch) {
      const change = parseEntry(entry);
      if (!change) continue;
      if (change.type === 'report.removed') {
        this.index.remove(change.id);
        touched.delete(change.id);
      } else if ('id' in change && typeof change.id === 'string') touched.add(change.id);
    }
    const ids = [...touched];
    const reports = await this.source.read(ids);
    reports.forEach((r, i) => (r ? this.index.upsert(r) : this.index.remove(ids[i])));
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => compareSeq(this.after, w.seq) >= 0);
    this.waiters = this.waiters.filter((w) => compareSeq(this.after, w.seq) < 0);
    for (const w of ready) w.resolve();
  }
}
