/**
 * The one Socket.IO event map, used by the server, the client and the tests
 * (socket.io's typed-events pattern). Every change carries the change-stream
 * entry id as `seq`; clients keep the last one and resume from it.
 */
import { z } from 'zod';
import { crisisSlugSchema, type Crisis, type CrisisAssignment } from './crisis.js';
import type { Flag, ReportSummary } from './report.js';
import type { Meeting, PublicState, PublicTension, PublicTroops } from './state.js';
import type { FactRef, ReportVerification } from './verification.js';

export type ChangeBody =
  | { type: 'report.added'; id: string; report: ReportSummary }
  | { type: 'report.updated'; id: string; report: ReportSummary }
  /**
   * On a crisis' stream: the report no longer belongs to the crisis (its contribution is taken out).
   * On the desk stream: the report is gone (past REPORT_RETENTION_DAYS).
   */
  | { type: 'report.removed'; id: string }
  | { type: 'tension.updated'; tension: PublicTension }
  | { type: 'troops.updated'; troops: PublicTroops }
  | { type: 'meeting.upserted'; meeting: Meeting }
  | { type: 'flag.changed'; id: string; flags: Flag[] }
  /**
   * On the desk stream: the verdict of a report (`fact` null) or of one of its facts changed.
   * `verification` is the report's whole verification after; `crises` the slugs of the crises
   * the report is in (the walls get the marks through the fold, as troops and meeting changes).
   */
  | {
      type: 'verification.changed';
      id: string;
      fact: FactRef | null;
      verification: ReportVerification;
      crises: string[];
    }
  | {
      type: 'alert.fired';
      subscriptionId: string;
      userId: string;
      title: string;
      body: string;
      changeSeq: string;
      /** The alert's Idempotency-Key (what a later follow-up names in `corrects`). */
      key?: string;
      /** On a follow-up: the key and title of the alert it corrects, and the fact before and after (null: gone). */
      corrects?: string;
      correctsTitle?: string;
      before?: unknown;
      after?: unknown;
    }
  /** On the desk stream: a crisis was made or changed (`definition`), or removed (`definition: null`). */
  | { type: 'crisis.changed'; slug: string; definition: Crisis | null }
  /** On a crisis' stream: its picture is being folded again from nothing (its principal changed); read a fresh snapshot. */
  | { type: 'crisis.rebuilt'; slug: string }
  /** On the desk stream: how far re-assigning every report to the crises has come. */
  | { type: 'crisis.reassignment'; progress: ReassignmentProgress };

/** Re-assigning every report after the crises' rules changed: done in the background, in pages. */
export type ReassignmentProgress = {
  /** The crises version the reports are being assigned for. */
  version: number;
  state: 'running' | 'done' | 'superseded';
  /** Reports looked at so far, out of `total`. */
  done: number;
  total: number;
  /** Reports whose crises changed. */
  changed: number;
  startedAt: string;
  finishedAt?: string;
};

export type { CrisisOverride } from './crisis.js';
export type { CrisisAssignment };

export type ChangeType = ChangeBody['type'];
/**
 * A change as clients get it: `seq` is its entry id in the stream it came from, `crisis` that
 * stream: the crisis' slug, or null for the desk stream (reports, flags, crises, alerts).
 */
export type Change = ChangeBody & { seq: string; crisis: string | null };

const seqSchema = z.string().regex(/^\d{1,20}-\d{1,20}$/, 'since must be a change seq such as 1700000000000-0');

/**
 * Handshake auth a client sends: a display/ingest token (or rely on the session cookie), which
 * stream it follows (`crisis`: a crisis' slug, the first crisis made when absent; `desk: true`:
 * the desk stream of every report) and the last seq it saw on that stream.
 */
export const socketAuthSchema = z.object({
  token: z.string().max(512).optional(),
  since: seqSchema.optional(),
  crisis: crisisSlugSchema.optional(),
  desk: z.boolean().optional(),
});
export type SocketAuth = z.infer<typeof socketAuthSchema>;

export interface ServerToClientEvents {
  snapshot: (state: PublicState) => void;
  change: (change: Change) => void;
  /**
   * A `crisis.select` named a crisis that does not exist: the socket stays on the one it had. Or
   * the crisis the socket followed was removed: it follows nothing until it selects another.
   */
  'crisis.unknown': (info: { crisis: string; message: string }) => void;
  /** A request the server did not act on (e.g. `state.request` too often): what and why. */
  'request.refused': (info: { event: string; message: string }) => void;
  /** Sent when the server deploys a new client build; kiosks reload themselves. */
  version: (info: { build: string }) => void;
}

/** Switch the socket to another crisis: a snapshot of it follows, then its changes only. */
export const crisisSelectSchema = z.object({ crisis: crisisSlugSchema });
export type CrisisSelect = z.infer<typeof crisisSelectSchema>;

export interface ClientToServerEvents {
  /** Ask for a fresh snapshot (e.g. after a gap was detected). */
  'state.request': () => void;
  'crisis.select': (select: CrisisSelect) => void;
}

export interface InterServerEvents {}

export interface SocketData {
  user: { username: string; role: string } | null;
  via: 'display-token' | 'ingest-token' | 'session';
  /** The stream it follows: a crisis' slug, or null for the desk stream. */
  crisis: string | null;
  /** A session's absolute end (ms since the epoch): the socket is dropped then. */
  expiresAt?: number;
}
