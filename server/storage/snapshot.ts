/**
 * The whole public picture: the folded view with its seq, plus the newest reports.
 * Cached per seq in each api node, so a thousand clients reconnecting at once cost one read.
 */
import type { PublicState } from '../../shared/state.js';
import { emptyState, publicView } from '../state/index.js';
import type { FoldStore } from './foldStore.js';
import { summarize, type ReportStore } from './reportStore.js';

export const SNAPSHOT_REPORTS = 50;

export class SnapshotReader {
  private cache: { seq: string; reportsKey: string; state: PublicState } | null = null;

  constructor(
    private readonly fold: FoldStore<unknown>,
    private readonly reports: ReportStore,
  ) {}

  async read(): Promise<PublicState> {
    const [{ view, seq }, ids] = await Promise.all([this.fold.readPublic(), this.reports.listIds(SNAPSHOT_REPORTS)]);
    // Flags change reports without moving the fold's seq, so the cache is keyed on both.
    const stored = await this.reports.getMany(ids);
    const summaries = stored.flatMap((s) => (s ? [summarize(s)] : []));
    const reportsKey = JSON.stringify(summaries.map((s) => [s.id, s.status, s.flags.length, s.flags.at(-1)?.at]));
    if (this.cache && this.cache.seq === seq && this.cache.reportsKey === reportsKey) return this.cache.state;
    const state: PublicState = { seq, ...(view ?? publicView(emptyState())), reports: summaries };
    this.cache = { seq, reportsKey, state };
    return state;
  }
}
