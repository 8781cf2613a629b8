/**
 * Folds extracted reports into the crises they belong to, in batches. Jobs running concurrently
 * in one worker hand their result here; one round of commits carries every report that arrived
 * while the previous round was in flight: first each crisis' fold (its own keys, its own
 * optimistic commit, storage/foldStore.ts), then the reports' own records (storage/reportCommit.ts),
 * which also checks that the crises did not change meanwhile. If they did, the batch is routed
 * again with the crises as they are now and folded again: a crisis the report no longer belongs
 * to gets it taken out, and a fold already made is a no-op (fingerprints), so nothing is lost
 * or announced twice, and a crash between the two steps is mended by the job's retry.
 */
import { createHash } from 'node:crypto';
import type { CrisisAssignment } from '../../shared/crisis.js';
import type { Extraction } from '../../shared/extraction.js';
import type { ReportSummary } from '../../shared/report.js';
import { assignmentsOf, type Overrides } from '../crises/assignments.js';
import type { Routed } from '../crises/routing.js';
import type { DoneReport, ReportCommit } from '../storage/reportCommit.js';
import type { ReportStore } from '../storage/reportStore.js';
import type { CrisisFoldItem } from './crisisFold.js';
import { crisisFingerprint } from '../crises/foldOptions.js';
import type { CrisisRegistry, CrisisSet } from './crisisRegistry.js';
import { extractionOf, type Extracted } from './extractPool.js';

/** A report to fold: what the ingest job read and extracted, and how it routed it. */
export type FoldItem = {
  report: {
    id: string;
    dateline: string;
    receivedAtMs: number;
    /** As announced once folded (crises are added then), made up front so its text is not held while it waits. */
    summary: ReportSummary;
  };
  /** The extraction with journalists' corrections applied, as stored. */
  extracted: Extracted;
  /** The machine's own extraction (JSON) when corrections changed it. */
  original: Buffer | null;
  /**
   * The crises it may be folded into before this fold: those of its stored record (`json` as
   * stored, "" when none), and any this batch folded it into in a round that did not commit.
   */
  previous: { slugs: string[]; json: string };
  /** Journalists' assignments and removals by hand. */
  overrides: Overrides;
  /** What the routing rules gave, and the crises version they were at. */
  routing: { version: number; routed: Routed[] };
};

type Pending = { item: FoldItem; resolve: () => void; reject: (err: unknown) => void };

const MAX_BATCH = 200;
const MAX_ROUNDS = 20;
/** A batch at least this big means a burst is on... */
const BURST_BATCH = 8;
/**
 * ...and the next round waits this long to gather more. Each commit costs a script run, the public
 * view (~60 KB) and the full tension and troops changes whatever its size: the bigger the batch,
 * the fewer of those a backlog pays for (bench ingest). A burst is a backlog being drained (the
 * last batch had 8 or more), so the wait is not felt: live reports come one by one.
 */
const BURST_LINGER_MS = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The fingerprint of an extraction's JSON: equal JSON, equal fingerprint. */
export function fingerprintOf(json: Buffer): string {
  return createHash('sha1').update(json).digest('base64url').slice(0, 22);
}

export class FoldBatcher {
  private waiting: Pending[] = [];
  private running = false;

  constructor(
    private readonly registry: CrisisRegistry,
    private readonly reportCommit: ReportCommit,
    private readonly reports: ReportStore,
  ) {}

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
        // Under a burst (the last batch was big), linger a moment so the next round carries more
        // reports: each crisis' state is read and written once per batch. A lone report never waits.
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
    let set = await this.registry.current();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (unique.some((item) => item.routing.version !== set.version)) await this.reroute(unique, set);
      const planned = plan(unique, set);
      await Promise.all([...planned.byCrisis].map(([slug, items]) => set.folds.get(slug)!.commit(items)));
      const result = await this.reportCommit.commit(set.version, planned.done);
      if (result === 'committed') return;
      // Folded into these crises now: a later round must take the report out of any it leaves.
      unique.forEach((item, i) => {
        item.previous.slugs = [...new Set([...item.previous.slugs, ...planned.folded[i]])];
      });
      if (result === 'moved') set = await this.registry.refresh();
      else await this.reread(unique);
    }
    throw new Error(`fold: the crises kept changing; gave up after ${MAX_ROUNDS} rounds`);
  }

  /** Reads back the reports' crises and overrides, which another job changed meanwhile. */
  private async reread(items: FoldItem[]): Promise<void> {
    const stored = await this.reports.getMany(items.map((item) => item.report.id));
    items.forEach((item, i) => {
      const record = stored[i];
      if (!record) return;
      const slugs = (record.crises ?? []).map((c) => c.slug);
      item.previous = { slugs: [...new Set([...item.previous.slugs, ...slugs])], json: record.crisesJson };
      item.overrides = record.overrides;
    });
  }

  /** Routes again, with the crises of `set`, the reports routed with other ones (their text is read back). */
  private async reroute(items: FoldItem[], set: CrisisSet): Promise<void> {
    const stale = items.filter((item) => item.routing.version !== set.version);
    const stored = await this.reports.getMany(stale.map((item) => item.report.id));
    stale.forEach((item, i) => {
      const report = stored[i]?.report;
      // Routed as the ingest job routes: on the machine's own extraction, not a journalist's fix.
      const machine = item.original
        ? (JSON.parse(item.original.toString()) as Extraction)
        : extractionOf(item.extracted);
      const routed = report ? set.router.route(report, machine) : [];
      item.routing = { version: set.version, routed };
    });
  }
}

/** Per crisis, the reports to fold in or take out; per report, what its record keeps. */
function plan(items: readonly FoldItem[], set: CrisisSet) {
  const byCrisis = new Map<string, CrisisFoldItem[]>();
  const add = (slug: string, item: CrisisFoldItem) => {
    const list = byCrisis.get(slug);
    if (list) list.push(item);
    else byCrisis.set(slug, [item]);
  };
  const done: DoneReport[] = [];
  const folded: string[][] = [];
  for (const item of items) {
    const fingerprint = fingerprintOf(item.extracted.json);
    const crises: CrisisAssignment[] = assignmentsOf(item.routing.routed, item.overrides, set.slugs);
    const summary: ReportSummary = { ...item.report.summary, crises };
    const base = {
      id: item.report.id,
      dateline: item.report.dateline,
      receivedAtMs: item.report.receivedAtMs,
      summary,
    };
    const inNow = new Set(crises.map((c) => c.slug));
    for (const crisis of set.crises) {
      if (inNow.has(crisis.slug))
        add(crisis.slug, {
          ...base,
          extracted: item.extracted,
          fingerprint: crisisFingerprint(fingerprint, crisis),
          corrected: item.original !== null,
        });
      else if (item.previous.slugs.includes(crisis.slug))
        add(crisis.slug, { ...base, extracted: null, fingerprint: null });
    }
    folded.push([...inNow]);
    done.push({
      id: item.report.id,
      fingerprint,
      extractionJson: item.extracted.json,
      crisesJson: JSON.stringify(crises),
      summaryJson: JSON.stringify(withoutFlags(summary)),
      receivedAtMs: item.report.receivedAtMs,
      originalJson: item.original,
      previousCrisesJson: item.previous.json,
    });
  }
  return { byCrisis, done, folded };
}

/** A summary without its flags (the commit adds the flags as they are then). */
function withoutFlags(summary: ReportSummary): Omit<ReportSummary, 'flags'> {
  const { flags: _flags, ...rest } = summary;
  return rest;
}
