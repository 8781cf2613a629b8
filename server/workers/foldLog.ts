/**
 * The fold log's entries (see storage/foldStore.ts): what one committed batch folded into a
 * crisis, so any worker can bring its state of that crisis to the same version by folding the
 * same inputs in the same order. The fold is pure and deterministic, so the replayed state
 * equals the committer's.
 */
import { applyReports, emptyState, type CrisisState, type FoldInput, type FoldOptions } from '../state/index.js';
import type { FoldRead } from '../storage/foldStore.js';

type LogEntry = { v: number; inputs: FoldInput[] };

/**
 * A report of a batch as committed: its id and dateline, and the extraction JSON (UTF-8) folded
 * in, or null when the report was taken out of the crisis.
 */
export type LoggedReport = { id: string; dateline: string; extractionJson: Buffer | null };

const CLOSE_INPUT = Buffer.from('}');
const CLOSE_ENTRY = Buffer.from(']}');
const NULL = Buffer.from('null');

/**
 * The entry for the batch that makes `version` (UTF-8 JSON). Each extraction is passed as the
 * JSON already made for its report, so the batch is not serialised twice.
 */
export function encodeLogEntry(version: number, reports: readonly LoggedReport[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`{"v":${version},"inputs":[`)];
  reports.forEach((r, i) => {
    parts.push(
      Buffer.from(
        `${i > 0 ? ',' : ''}{"reportId":${JSON.stringify(r.id)},"dateline":${JSON.stringify(r.dateline)},"extraction":`,
      ),
      r.extractionJson ?? NULL,
      CLOSE_INPUT,
    );
  });
  parts.push(CLOSE_ENTRY);
  return Buffer.concat(parts);
}

/** A state and the version it is at. */
export type HeldState = { version: string; state: CrisisState };

/**
 * The state at `read.version`: from the checkpoint when the read carries one, else from
 * `held`, then every log entry folded in order. Throws if an entry is not the next version
 * (the caller then reads again from the checkpoint).
 */
export function catchUp(held: HeldState | null, read: FoldRead<CrisisState>, options: FoldOptions): HeldState {
  let state: CrisisState;
  let version: number;
  if (read.checkpoint) {
    state = read.checkpoint.state ?? emptyState();
    version = Number(read.version) - read.log.length;
  } else {
    if (!held) throw new Error('fold log: no checkpoint read and no state held');
    state = held.state;
    version = Number(held.version);
  }
  for (const raw of read.log) {
    const entry = JSON.parse(raw) as LogEntry;
    if (entry.v !== version + 1) throw new Error(`fold log: expected version ${version + 1}, found ${entry.v}`);
    state = applyReports(state, entry.inputs, options).state;
    version = entry.v;
  }
  if (String(version) !== read.version) throw new Error(`fold log: reached ${version}, expected ${read.version}`);
  return { version: read.version, state };
}
