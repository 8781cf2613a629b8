/**
 * The whole public picture: the folded view with its seq, plus the newest reports.
 * Cached in each api node and keyed on what changes it (the change stream's last entry, the
 * fold's seq and the report index), so a thousand clients connecting at once cost one small
 * read each instead of the view and fifty report hashes.
 */
import type { Redis } from 'ioredis';
import type { PublicState } from '../../shared/state.js';
import { emptyState, publicView } from '../state/index.js';
import type { FoldStore } from './foldStore.js';
import type { Keys } from './keys.js';
import { summarize, type ReportStore } from './reportStore.js';

export const SNAPSHOT_REPORTS = 50;

export class SnapshotReader {
  private cache: { key: string; state: PublicState } | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly fold: FoldStore<unknown>,
    private readonly reports: ReportStore,
  ) {}

  /**
   * Every change a snapshot shows is announced on the change stream, except a report that is
   * only accepted (queued): the report index covers those.
   */
  private async freshnessKey(): Promise<string> {
    const results =
      (await this.redis
        .multi()
        .get(this.keys.stateSeq)
        .xrevrange(this.keys.changes, '+', '-', 'COUNT', 1)
        .zrevrange(this.keys.reportIndex, 0, 0)
        .zcard(this.keys.reportIndex)
        .exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    const [seq, last, newest, count] = results.map(([, v]) => v) as [
      string | null,
      [string, string[]][],
      string[],
      number,
    ];
    return `${seq}|${last[0]?.[0] ?? ''}|${newest[0] ?? ''}|${count}`;
  }

  async read(): Promise<PublicState> {
    const key = await this.freshnessKey();
    if (this.cache?.key === key) return this.cache.state;
    const [{ view, seq }, ids] = await Promise.all([this.fold.readPublic(), this.reports.listIds(SNAPSHOT_REPORTS)]);
    const stored = await this.reports.getMany(ids);
    const state: PublicState = {
      seq,
      ...(view ?? publicView(emptyState())),
      reports: stored.flatMap((s) => (s ? [summarize(s)] : [])),
    };
    // Keyed on what was seen before reading: a change in between only makes the next read refresh.
    this.cache = { key, state };
    return state;
  }
}
