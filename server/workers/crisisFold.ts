/**
 * One crisis' fold, as one worker holds it: the state it last read or committed, caught up from
 * the crisis' log when other workers committed since, and an optimistic commit of each batch
 * (storage/foldStore.ts). A report is folded in with its extraction, or taken out (null); one
 * already folded in with the same fingerprint, or taken out of a crisis it was not in, is skipped,
 * so a retried job changes nothing and announces nothing.
 */
import type { ChangeBody } from '../../shared/events.js';
import type { ReportSummary } from '../../shared/report.js';
import { applyReports, publicView, type CrisisState, type FoldInput, type FoldOptions } from '../state/index.js';
import type { FoldCommit, FoldedReport, FoldRead, FoldStore, HistoryPosition } from '../storage/foldStore.js';
import { encodeCheckpoint, optionsKeyOf } from '../storage/historyCodec.js';
import { extractionOf, type Extracted } from './extractPool.js';
import { catchUp, encodeLogEntry, type HeldState, type LoggedReport } from './foldLog.js';

/** A report to fold into this crisis (`extracted`), or to take out of it (`extracted: null`). */
export type CrisisFoldItem = {
  id: string;
  dateline: string;
  receivedAtMs: number;
  summary: ReportSummary;
  extracted: Extracted | null;
  /** What makes two folds of the report the same (null when taking it out). */
  fingerprint: string | null;
  /**
   * Set when journalists' corrections made the extraction differ from the report's own: the
   * as-of history then keeps it inline, since the report's record only keeps the latest one.
   */
  corrected?: boolean;
};

const MAX_CONFLICT_RETRIES = 100;
/**
 * Reports folded into the log before the state is written whole again: bounds what a worker
 * starting cold replays (about 0.4 ms a report) and the log's size in Redis.
 */
const CHECKPOINT_EVERY_REPORTS = 250;

export class CrisisFold {
  /** The state as this worker last read or committed it; other workers' batches are replayed onto it. */
  private held: HeldState | null = null;
  /** Reports in the log since the checkpoint, as of `held` (null: not known without a read). */
  private heldLogReports: number | null = null;
  /** Set once this worker has written the public view; after that only batches that change it write it. */
  private publicWritten = false;
  /** Where the as-of history stands, as of `held` (null: not known without a read). */
  private heldHistory: HistoryPosition | null = null;
  private readonly optionsJson: string;
  private readonly optionsKey: string;

  constructor(
    readonly store: FoldStore<CrisisState>,
    readonly options: FoldOptions,
  ) {
    this.optionsJson = JSON.stringify(options);
    this.optionsKey = optionsKeyOf(this.optionsJson);
  }

  /** Folds the items in (or out) and commits them; resolves once committed (or found already so). */
  async commit(items: readonly CrisisFoldItem[]): Promise<void> {
    const ids = items.map((i) => i.id);
    // Reports taken out must be read: an optimistic read assumes none is folded in yet.
    const allNew = items.every((i) => i.extracted !== null);
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      // First try without reading: when no other worker committed since this one did, and the
      // reports are new (the usual case), the commit goes through on one round trip. Otherwise
      // the commit script refuses it and the batch is read and folded again.
      const optimistic =
        attempt === 0 && allNew && this.held !== null && this.heldLogReports !== null && this.heldHistory !== null;
      const read = optimistic ? this.assumedRead(ids.length) : await this.store.read(ids, this.held?.version ?? null);
      let base: HeldState;
      try {
        base = catchUp(this.held, read, this.options);
      } catch (err) {
        if (this.held === null) throw err; // even the checkpoint and its log do not add up
        // The held state cannot be caught up (the crisis was rebuilt): start again from the checkpoint.
        this.held = null;
        continue;
      }
      this.held = base;
      if (!optimistic) {
        this.heldLogReports = read.logReports;
        this.heldHistory = read.history;
      }
      const next = this.fold(base, read, items);
      if (!next) return;
      const every = await this.store.commit(
        read.version,
        next.commit,
        next.view,
        next.reports,
        next.changes,
        optimistic,
      );
      if (every !== null) {
        this.held = { version: String(Number(read.version) + 1), state: next.state };
        this.heldLogReports = next.commit.checkpoint ? 0 : read.logReports + next.reports.length;
        const lastCheckpoint = next.commit.history.checkpoints.at(-1)?.position ?? null;
        this.heldHistory = {
          since:
            lastCheckpoint === null ? read.history.since + next.reports.length : next.reports.length - lastCheckpoint,
          every,
          exists: true,
        };
        if (next.view) this.publicWritten = true;
        return;
      }
    }
    throw new Error(`fold of ${this.store.keys.slug}: gave up after ${MAX_CONFLICT_RETRIES} conflicting commits`);
  }

  /**
   * Folds the batch onto `base` and makes what its commit writes; null when nothing changes. A
   * function of its own, apart from the commit's await: an async function keeps its locals alive
   * across each await, so what is made here (the batch's inputs, parsed extractions) would be held
   * until Redis answers, and copied by a young-generation GC meanwhile.
   */
  private fold(base: HeldState, read: FoldRead<CrisisState>, items: readonly CrisisFoldItem[]) {
    const reportChanges: ChangeBody[] = [];
    const toFold: FoldInput[] = [];
    const logged: LoggedReport[] = [];
    const reports: FoldedReport[] = [];
    const entries: FoldCommit<CrisisState>['history']['entries'] = [];
    items.forEach((item, i) => {
      const before = read.folded[i];
      if (before === item.fingerprint) return; // folded in just so already, or not in the crisis at all
      const { extracted } = item;
      // Parsed when the fold reads it, one report at a time: parsed all at once, before the fold,
      // the batch's extraction objects were alive together and outlived a young-generation GC.
      toFold.push({
        reportId: item.id,
        dateline: item.dateline,
        get extraction() {
          return extracted ? extractionOf(extracted) : null;
        },
      });
      logged.push({ id: item.id, dateline: item.dateline, extractionJson: extracted?.json ?? null });
      reports.push({ id: item.id, fingerprint: item.fingerprint, receivedAtMs: item.receivedAtMs });
      entries.push({ dateline: item.dateline, inlineExtraction: extracted && item.corrected ? extracted.json : null });
      reportChanges.push(
        extracted === null
          ? { type: 'report.removed', id: item.id }
          : before === null
            ? { type: 'report.added', id: item.id, report: item.summary }
            : { type: 'report.updated', id: item.id, report: item.summary },
      );
    });
    if (toFold.length === 0) return null;
    // One fold for the batch: tension and troops compared once, each meeting announced once; the
    // states at the history's checkpoint positions are taken on the way.
    const checkpoints: FoldCommit<CrisisState>['history']['checkpoints'] = [];
    const { since, every } = read.history;
    const first = Math.max(1, every - since);
    const folded = applyReports(base.state, toFold, this.options, (position, state) => {
      if (position >= first && (position - first) % every === 0)
        checkpoints.push({ position, state: encodeCheckpoint(state) });
    });
    const commit: FoldCommit<CrisisState> = {
      logEntry: encodeLogEntry(Number(read.version) + 1, logged),
      checkpoint: read.logReports + toFold.length >= CHECKPOINT_EVERY_REPORTS ? folded.state : null,
      history: {
        optionsKey: this.optionsKey,
        optionsJson: this.optionsJson,
        entries,
        checkpoints,
        // A crisis folded before it had a history: the history starts from its state now.
        seed: !read.history.exists && base.state.ledger.length > 0 ? encodeCheckpoint(base.state) : null,
      },
    };
    // The public view is tension, troops and meetings: a batch that announces none of them
    // leaves it as it was, so it is not written (~50 KB) again.
    const view = folded.changes.length > 0 || !this.publicWritten ? publicView(folded.state, this.options) : null;
    return { state: folded.state, commit, view, reports, changes: [...reportChanges, ...folded.changes] };
  }

  /** What a read would give if nothing changed since this worker's last commit and the reports are new. */
  private assumedRead(reports: number): FoldRead<CrisisState> {
    return {
      version: this.held!.version,
      log: [],
      logReports: this.heldLogReports!,
      folded: Array.from({ length: reports }, () => null),
      history: this.heldHistory!,
    };
  }
}
