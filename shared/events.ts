/**
 * The one Socket.IO event map, used by the server, the client and the tests
 * (socket.io's typed-events pattern). Every change carries the change-stream
 * entry id as `seq`; clients keep the last one and resume from it.
 */
import { z } from 'zod';
import type { Flag, ReportSummary } from './report.js';
import type { Meeting, PublicState, PublicTension, PublicTroops } from './state.js';

export type ChangeBody =
  | { type: 'report.added'; id: string; report: ReportSummary }
  | { type: 'report.updated'; id: string; report: ReportSummary }
  | { type: 'tension.updated'; tension: PublicTension }
  | { type: 'troops.updated'; troops: PublicTroops }
  | { type: 'meeting.upserted'; meeting: Meeting }
  | { type: 'flag.changed'; id: string; flags: Flag[] }
  | { type: 'alert.fired'; subscriptionId: string; userId: string; title: string; body: string; changeSeq: string };

export type ChangeType = ChangeBody['type'];
export type Change = ChangeBody & { seq: string };

/** Handshake auth a client sends: a display/ingest token (or rely on the session cookie) and the last seq it saw. */
export const socketAuthSchema = z.object({
  token: z.string().max(512).optional(),
  since: z
    .string()
    .regex(/^\d{1,20}-\d{1,20}$/, 'since must be a change seq such as 1700000000000-0')
    .optional(),
});
export type SocketAuth = z.infer<typeof socketAuthSchema>;

export interface ServerToClientEvents {
  snapshot: (state: PublicState) => void;
  change: (change: Change) => void;
  /** Sent when the server deploys a new client build; kiosks reload themselves. */
  version: (info: { build: string }) => void;
}

export interface ClientToServerEvents {
  /** Ask for a fresh snapshot (e.g. after a gap was detected). */
  'state.request': () => void;
}

export interface InterServerEvents {}

export interface SocketData {
  user: { username: string; role: string } | null;
  via: 'display-token' | 'ingest-token' | 'session';
}
