/**
 * The whole public picture of one stream: a crisis' folded view with its seq and its newest
 * reports, or, for the desk stream, the newest reports of all. Cached in each api node per
 * stream and keyed on what changes it (the fold's seq, the stream's last entry and the report
 * index), so a thousand clients connecting at once cost one small read each instead of the
 * view and fifty report hashes.
 */
import type { Redis } from 'ioredis';
import type { Crisis } from '../../shared/crisis.js';
import type { CrisisSeries, PublicState } from '../../shared/state.js';
import { emptyState, publicView } from '../state/index.js';
import { leanPicture, seriesOf } from '../state/seriesSplit.js';
import { foldOptionsOf } from '../crises/foldOptions.js';
import { FoldStore, type PublicView } from './foldStore.js';
import type { Keys } from './keys.js';
import { summarize, type ReportStore } from './reportStore.js';

export const SNAPSHOT_REPORTS = 50;

/** The picture of a crisis with nothing folded in yet (its principal already named). */
export function emptyPicture(crisis: Crisis | null): Omit<PublicState, 'seq' | 'reports' | 'crisis'> {
  return leanPicture(publicView(emptyState(), crisis ? foldOptionsOf(crisis) : {}));
}

type Cached = { key: string; state: PublicState; series?: CrisisSeries; view?: PublicView | null };

export class SnapshotReader {
  private cache = new Map<string, Cached>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly reports: ReportStore,
  ) {}

  /**
   * Every change a snapshot shows is announced on its stream, except, on the desk, a report that
   * is only accepted (queued): the report index covers those.
   */
  private async freshnessKey(seqKey: string | null, streamKey: string, reportIndex: string): Promise<string> {
    const multi = this.redis.multi();
    if (seqKey) multi.get(seqKey);
    multi.xrevrange(streamKey, '+', '-', 'COUNT', 1).zrevrange(reportIndex, 0, 0).zcard(reportIndex);
    const results = (await multi.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    const values = results.map(([, v]) => v);
    const [seq, last, newest, count] = (seqKey ? values : [null, ...values]) as [
      string | null,
      [string, string[]][],
      string[],
      number,
    ];
    return `${seq}|${last[0]?.[0] ?? ''}|${newest[0] ?? ''}|${count}`;
  }

  /** The picture of `crisis` (lean: without the trends' series), or of the desk stream when null. */
  async read(crisis: Crisis | null): Promise<PublicState> {
    return crisis ? (await this.readCrisis(crisis)).state : this.readDesk();
  }

  /** The trends' series of `crisis`, from the same read as its picture (GET /api/trends). */
  async readSeries(crisis: Crisis): Promise<CrisisSeries> {
    const cached = await this.readCrisis(crisis);
    cached.series ??= seriesOf(crisis.slug, cached.state.seq, cached.view ?? emptyPicture(crisis));
    // The full view is kept only until its series are taken: the picture is all the rest need.
    cached.view = undefined;
    return cached.series;
  }

  private async readCrisis(crisis: Crisis): Promise<Cached> {
    const keys = this.keys.crisis(crisis.slug);
    const key = `${await this.freshnessKey(keys.stateSeq, keys.changes, keys.reports)}|${JSON.stringify(crisis.principal ?? null)}`;
    const cached = this.cache.get(crisis.slug);
    if (cached?.key === key) return cached;
    const [{ view, seq }, ids] = await Promise.all([
      new FoldStore(this.redis, keys, 0).readPublic(),
      this.redis.zrevrange(keys.reports, 0, SNAPSHOT_REPORTS - 1),
    ]);
    const state: PublicState = {
      crisis: crisis.slug,
      seq,
      ...(view ? leanPicture(view) : emptyPicture(crisis)),
      reports: await this.summaries(ids),
    };
    // Keyed on what was seen before reading: a change in between only makes the next read refresh.
    const entry: Cached = { key, state, view };
    this.cache.set(crisis.slug, entry);
    return entry;
  }

  private async readDesk(): Promise<PublicState> {
    const key = await this.freshnessKey(null, this.keys.changes, this.keys.reportIndex);
    const cached = this.cache.get('');
    if (cached?.key === key) return cached.state;
    const [last, ids] = await Promise.all([
      this.redis.xrevrange(this.keys.changes, '+', '-', 'COUNT', 1) as Promise<[string, string[]][]>,
      this.reports.listIds(SNAPSHOT_REPORTS),
    ]);
    const state: PublicState = {
      crisis: null,
      seq: last[0]?.[0] ?? '0-0',
      ...emptyPicture(null),
      reports: await this.summaries(ids),
    };
    this.cache.set('', { key, state });
    return state;
  }

  private async summaries(ids: string[]) {
    const stored = await this.reports.getMany(ids);
    return stored.flatMap((s) => (s ? [summarize(s)] : []));
  }

  /** Forgets a removed crisis' picture. */
  forget(slug: string): void {
    this.cache.delete(slug);
  }
}
