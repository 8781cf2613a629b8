/**
 * A crisis' picture as it stood at a past moment: the fold is pure, so the state then is the fold
 * of the history's entries committed up to that moment. It starts from the newest checkpoint at
 * or before the moment (at most one spacing of entries back, storage/historyScript.ts) and folds
 * the entries after it, in the order they were committed, with the options each was folded with;
 * a rebuild's reset marker in between starts again from nothing, as the live fold did.
 */
import type { Redis } from 'ioredis';
import type { Crisis } from '../../shared/crisis.js';
import type { CrisisSeries, PublicState } from '../../shared/state.js';
import type { AuditEntry } from '../../shared/desk.js';
import type { Extraction } from '../../shared/extraction.js';
import type { ReportSummary } from '../../shared/report.js';
import { foldOptionsOf } from '../crises/foldOptions.js';
import { MAX_AUDIT_PER_REPORT } from '../errors.js';
import {
  emptyState,
  foldReports,
  publicView,
  type CrisisState,
  type FoldInput,
  type FoldOptions,
} from '../state/index.js';
import { leanPicture, seriesOf } from '../state/seriesSplit.js';
import { HistoryStore, type HistoryEntry } from './historyStore.js';
import type { Keys } from './keys.js';
import { summarize, type ReportStore } from './reportStore.js';
import { summaryAsOf } from './summaryAsOf.js';
import { SNAPSHOT_REPORTS } from './snapshot.js';

/**
 * How far back the reports list looks for the crisis' newest reports at the moment: a first page
 * (most entries are reports coming in, so it usually holds the 50), then one longer page if not.
 */
const REPORTS_LOOKBACK = [2 * SNAPSHOT_REPORTS, 500];

export type AsOfState = PublicState & {
  /** The moment shown (ISO); a moment in the future is answered as of now. */
  asOf: string;
  /** History entries whose report's record no longer holds what was folded (removed by retention): left out. */
  asOfIncomplete?: number;
};

export class AsOfReader {
  private readonly history: HistoryStore;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly reports: ReportStore,
  ) {
    this.history = new HistoryStore(redis, keys);
  }

  /** The picture of `crisis` as of `atMs` (clamped to `nowMs`), lean as a snapshot is (seriesSplit.ts). */
  async read(crisis: Crisis, atMs: number, nowMs = Date.now()): Promise<AsOfState> {
    const ms = atMs >= nowMs ? null : Math.floor(atMs);
    // Read while the picture is folded: the list does not depend on the fold.
    const reports = this.newestReports(this.keys.crisis(crisis.slug), ms);
    reports.catch(() => undefined); // awaited below; a failure must not count as unhandled meanwhile
    const { view, incomplete } = await this.viewAt(crisis, ms);
    return {
      crisis: crisis.slug,
      // Not a change-stream id: a picture of the past is not resumed from.
      seq: '0-0',
      ...leanPicture(view),
      reports: await reports,
      asOf: new Date(ms ?? nowMs).toISOString(),
      ...(incomplete > 0 ? { asOfIncomplete: incomplete } : {}),
    };
  }

  /** The trends' series of `crisis` as of `atMs` (clamped to `nowMs`): the same fold, without the report list. */
  async readSeries(crisis: Crisis, atMs: number, nowMs = Date.now()): Promise<CrisisSeries & { asOf: string }> {
    const ms = atMs >= nowMs ? null : Math.floor(atMs);
    const { view } = await this.viewAt(crisis, ms);
    return { ...seriesOf(crisis.slug, '0-0', view), asOf: new Date(ms ?? nowMs).toISOString() };
  }

  /** The full public view (series included) of the fold up to `ms` (null: everything). */
  private async viewAt(crisis: Crisis, ms: number | null) {
    const k = this.keys.crisis(crisis.slug);
    const [checkpoint, optionsByKey] = await Promise.all([
      this.history.checkpointAtOrBefore<CrisisState>(k, ms),
      this.history.options(k),
    ]);
    // From the checkpoint's own entry (its options), or from the start.
    const entries = await this.history.entries(k, checkpoint?.id ?? null, ms);
    // A seed entry only carries its checkpoint (the state of a crisis folded before it had a history).
    const folded = (checkpoint ? entries.slice(1) : entries).filter((e) => !e.seed);
    const reset = folded.findLastIndex((e) => e.reset);
    const toFold = reset >= 0 ? folded.slice(reset + 1) : folded;
    let state = reset >= 0 || !checkpoint ? emptyState() : checkpoint.state;

    const optionsOf = (key: string): FoldOptions =>
      optionsByKey.has(key) ? (JSON.parse(optionsByKey.get(key)!) as FoldOptions) : foldOptionsOf(crisis);
    const byReference = toFold.filter((e) => e.fingerprint !== '' && e.inline === null);
    const extractions = await this.history.extractions(byReference);
    let incomplete = 0;
    const extractionOf = (e: HistoryEntry): Extraction | null | undefined => {
      if (e.fingerprint === '') return null;
      if (e.inline !== null) return JSON.parse(e.inline) as Extraction;
      const found = extractions.get(e.reportId);
      if (!found) incomplete++;
      return found ?? undefined;
    };

    // Runs of entries folded with the same options, each as one batch (as the live fold did).
    let run: FoldInput[] = [];
    let runKey: string | null = null;
    const flush = () => {
      if (run.length > 0) state = foldReports(state, run, optionsOf(runKey!));
      run = [];
    };
    for (const e of toFold) {
      if (e.optionsKey !== runKey) {
        flush();
        runKey = e.optionsKey;
      }
      const extraction = extractionOf(e);
      if (extraction !== undefined) run.push({ reportId: e.reportId, dateline: e.dateline, extraction });
    }
    flush();
    const lastKey = runKey ?? (reset < 0 ? entries[0]?.optionsKey : undefined);
    const view = publicView(state, lastKey !== undefined ? optionsOf(lastKey) : foldOptionsOf(crisis));
    return { view, incomplete };
  }

  /**
   * The crisis' newest reports (by receivedAt) among those in it at the moment: the last entry of
   * each report up to then says whether it was in. Looks back up to 500 entries, as far as the
   * latest rebuild.
   */
  private async newestReports(k: ReturnType<Keys['crisis']>, ms: number | null) {
    let inCrisis: HistoryEntry[] = [];
    for (const count of REPORTS_LOOKBACK) {
      const recent = await this.history.newest(k, ms, count);
      inCrisis = lastInCrisis(recent);
      if (inCrisis.length >= SNAPSHOT_REPORTS || recent.length < count) break;
    }
    inCrisis.sort((a, b) => b.receivedAtMs - a.receivedAtMs);
    const stored = await this.reports.getMany(inCrisis.slice(0, SNAPSHOT_REPORTS).map((e) => e.reportId));
    const summaries = stored.flatMap((s) => (s ? [summarize(s)] : []));
    return ms === null ? summaries : this.asTheyStood(summaries, ms);
  }

  /** Summaries with their flags and verdicts as they stood at `ms` (summaryAsOf.ts). */
  private async asTheyStood(summaries: ReportSummary[], ms: number): Promise<ReportSummary[]> {
    const multi = this.redis.multi();
    for (const s of summaries) multi.lrange(this.keys.audit(s.id), -MAX_AUDIT_PER_REPORT, -1);
    const trails = (await multi.exec()) ?? [];
    return summaries.map((s, i) => {
      const [err, raw] = trails[i] ?? [null, []];
      if (err) throw err;
      return summaryAsOf(
        s,
        (raw as string[]).map((r) => JSON.parse(r) as AuditEntry),
        ms,
      );
    });
  }
}

/** Of entries newest first, those whose report's last entry put it in the crisis, back to the latest rebuild. */
function lastInCrisis(newestFirst: readonly HistoryEntry[]): HistoryEntry[] {
  const seen = new Set<string>();
  const inCrisis: HistoryEntry[] = [];
  for (const e of newestFirst) {
    if (e.reset) break;
    if (e.seed) continue;
    if (seen.has(e.reportId)) continue;
    seen.add(e.reportId);
    if (e.fingerprint !== '') inCrisis.push(e);
  }
  return inCrisis;
}
