/**
 * Folds extracted reports into the shared state in batches. Jobs running concurrently in
 * one worker hand their result here; one commit (optimistic, see storage/foldStore.ts)
 * carries every report that arrived while the previous commit was in flight. The worker
 * keeps the state in memory between batches and replays only what other workers folded.
 */
import type { ChangeBody } from '../../shared/events.js';
import type { ReportSummary } from '../../shared/report.js';
import { applyReports, publicView, type CrisisState, type FoldInput } from '../state/index.js';
import type { FoldCommit, FoldRead, FoldStore } from '../storage/foldStore.js';
import { extractionOf, type Extracted } from './extractPool.js';
import { catchUp, encodeLogEntry, type HeldState, type LoggedReport } from './foldLog.js';

/**
 * A report to fold: its id and dateline, its summary as announced once folded (made up front, so
 * its text is not held while it waits), and its extraction (corrections applied) as stored.
 */
export type FoldItem = {
  report: { id: string; dateline: string; summary: ReportSummary };
  extracted: Extracted;
};

type Pending = { item: FoldItem; resolve: () => void; reject: (err: unknown) => void };

const MAX_BATCH = 200;
const MAX_CONFLICT_RETRIES = 100;
/** A batch at least this big means a burst is on... */
const BURST_BATCH = 8;
/**
 * ...and the next commit waits this long to gather more. Each commit costs a script run, the public
 * view (~60 KB) and the full tension and troops changes whatever its size: at 5 ms, draining a
 * backlog committed 9-12 reports at a time; at 15 ms, 21-22 (slow machine) or 64-71 (fast), for
 * 5% more reports a second; at 40 ms, about 130, for 2-3% more (bench ingest). A burst is a backlog
 * being drained (the last batch had 8 or more), so the wait is not felt: live reports come one by one.
 */
const BURST_LINGER_MS = 40;
/**
 * Reports folded into the log before the state is written whole again: bounds what a worker
 * starting cold replays (about 0.4 ms a report) and the log's size in Redis.
 */
const CHECKPOINT_EVERY_REPORTS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FoldBatcher {
  private waiting: Pending[] = [];
  private running = false;
  /** The state as this worker last read or committed it; other workers' batches are replayed onto it. */
  private held: HeldState | null = null;
  /** Reports in the log since the checkpoint, as of `held` (null: not known without a read). */
  private heldLogReports: number | null = null;
  /** Set once this worker has written the public view; after that only batches that change it write it. */
  private publicWritten = false;

  constructor(private readonly store: FoldStore<CrisisState>) {}

  /** Resolves once the report's fold is committed (or was already, identically). */
  submit(item: FoldItem): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      let previous = 0;
      while (this.waiting.length > 0) {
        // Under a burst (the last batch was big), linger a moment so the next commit carries more
        // reports: the state is read and written once per batch. A lone report never waits.
        if (previous >= BURST_BATCH && this.waiting.length < MAX_BATCH) await sleep(BURST_LINGER_MS);
        const batch = this.waiting.splice(0, MAX_BATCH);
        previous = batch.length;
        try {
          await this.commitBatch(batch.map((p) => p.item));
          for (const p of batch) p.resolve();
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async commitBatch(batch: FoldItem[]): Promise<void> {
    const unique = [...new Map(batch.map((b) => [b.report.id, b])).values()];
    const ids = unique.map((b) => b.report.id);
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      // First try without reading: when no other worker committed since this one did, and the
      // reports are new (the usual case), the commit goes through on one round trip. Otherwise
      // the commit script refuses it and the batch is read and folded again.
      const optimistic = attempt === 0 && this.held !== null && this.heldLogReports !== null;
      const read = optimistic ? this.assumedRead(ids.length) : await this.store.read(ids, this.held?.version ?? null);
      let base: HeldState;
      try {
        base = catchUp(this.held, read);
      } catch (err) {
        if (this.held === null) throw err; // even the checkpoint and its log do not add up
        // The held state cannot be caught up (it should not happen): start again from the checkpoint.
        this.held = null;
        continue;
      }
      this.held = base;
      if (!optimistic) this.heldLogReports = read.logReports;
      const next = this.fold(base, read, unique);
      if (!next) return;
      if (await this.store.commit(read.version, next.commit, next.view, next.ids, next.changes, optimistic)) {
        this.held = { version: String(Number(read.version) + 1), state: next.state };
        this.heldLogReports = next.commit.checkpoint ? 0 : read.logReports + next.ids.length;
        if (next.view) this.publicWritten = true;
        return;
      }
    }
    throw new Error(`fold: gave up after ${MAX_CONFLICT_RETRIES} conflicting commits`);
  }

  /**
   * Folds the batch onto `base` and makes what its commit writes; null when every report was
   * already folded with the same result. A function of its own, apart from the commit's await:
   * an async function keeps its locals alive across each await, so what is made here (the
   * batch's inputs, parsed extractions) would be held until Redis answers, and copied by a
   * young-generation GC meanwhile.
   */
  private fold(base: HeldState, read: FoldRead<CrisisState>, unique: FoldItem[]) {
    const reportChanges: ChangeBody[] = [];
    const toFold: FoldInput[] = [];
    const toCommit: LoggedReport[] = [];
    unique.forEach((item, i) => {
      const { report, extracted } = item;
      const before = read.reports[i];
      // Already folded with the same result (a retried or stalled job): nothing to announce.
      if (before.status === 'done' && before.extractionJson === extracted.json.toString()) return;
      // The object is folded here, its JSON replayed by other workers: the same state, since an
      // extraction is plain JSON (extract.property.test.ts; corrections are read back from JSON).
      // Parsed when the fold reads it, one report at a time: parsed all at once, before the fold,
      // the batch's extraction objects were alive together and outlived a young-generation GC.
      toFold.push({
        reportId: report.id,
        dateline: report.dateline,
        get extraction() {
          return extractionOf(extracted);
        },
      });
      toCommit.push({ id: report.id, dateline: report.dateline, extractionJson: extracted.json });
      reportChanges.push(
        before.status === 'done'
          ? { type: 'report.updated', id: report.id, report: report.summary }
          : { type: 'report.added', id: report.id, report: report.summary },
      );
    });
    if (toCommit.length === 0) return null;
    // One fold for the batch: tension and troops compared once, each meeting announced once.
    const folded = applyReports(base.state, toFold);
    const { entry, extractions } = encodeLogEntry(Number(read.version) + 1, toCommit);
    const commit: FoldCommit<CrisisState> = {
      logEntry: entry,
      extractions,
      checkpoint: read.logReports + toFold.length >= CHECKPOINT_EVERY_REPORTS ? folded.state : null,
    };
    // The public view is tension, troops and meetings: a batch that announces none of them
    // leaves it as it was, so it is not written (~50 KB) again.
    const view = folded.changes.length > 0 || !this.publicWritten ? publicView(folded.state) : null;
    const changes = [...reportChanges, ...folded.changes];
    return { state: folded.state, commit, view, ids: toCommit.map((r) => r.id), changes };
  }

  /** What a read would give if nothing changed since this worker's last commit and the reports are new. */
  private assumedRead(reports: number): FoldRead<CrisisState> {
    return {
      version: this.held!.version,
      log: [],
      logReports: this.heldLogReports!,
      reports: Array.from({ length: reports }, () => ({ status: null, extractionJson: null })),
    };
  }
}
