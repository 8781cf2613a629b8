/**
 * Verdicts on reports and their facts. As flags do (flagStore.ts), a change is computed in
 * TypeScript and committed by a Lua script that first checks the verification is still what
 * was read (optimistic concurrency, so a lock set meanwhile is never overtaken): the new
 * verification, its audit entry, the `verification.changed` change on the desk stream, the
 * assignees' queues and the in-app alert to a new assignee are written together or not at all.
 * Kept in the report's hash (AOF-persisted like every report).
 */
import type { Redis } from 'ioredis';
import type { CrisisAssignment } from '../../shared/crisis.js';
import type { AuditEntry } from '../../shared/desk.js';
import type { ChangeBody } from '../../shared/events.js';
import type { FactRef, QueueItem, ReportVerification, Verdict } from '../../shared/verification.js';
import { openVerificationStatuses, unverified } from '../../shared/verification.js';
import type { Actor } from '../auth/actor.js';
import { MAX_AUDIT_PER_REPORT, NotFound } from '../errors.js';
import { nextVerdict, sameVerdict, verdictOf, withVerdict } from '../auth/verdictRules.js';
import type { VerificationInput } from '../../shared/verification.js';
import { CHANGE_FIELD } from './changeStream.js';
import { auditFull } from './flagStore.js';
import type { Keys } from './keys.js';
import type { ReportStore } from './reportStore.js';

/**
 * KEYS: 1 report hash, 2 audit list, 3 desk changes, 4 the former assignee's queue, 5 the new one's.
 * ARGV: 1 expected verification ('' when none), 2 new, 3 audit, 4 change, 5 maxlen, 6 audit cap,
 *       7 queue member, 8 '1' to queue it for the new assignee, 9 alert change ('' when none).
 * Returns -1 (no report), -2 (audit full), 0 (changed meanwhile) or the audit's new length.
 */
const COMMIT_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[6]) then return -2 end
if (redis.call('HGET', KEYS[1], 'verification') or '') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'verification', ARGV[2])
local n = redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', '${CHANGE_FIELD}', ARGV[4])
redis.call('SREM', KEYS[4], ARGV[7])
if ARGV[8] == '1' then redis.call('SADD', KEYS[5], ARGV[7]) end
if ARGV[9] ~= '' then redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', '${CHANGE_FIELD}', ARGV[9]) end
return n`;

const MAX_ATTEMPTS = 20;
/** Most entries "My queue" lists. */
const MAX_QUEUE_ITEMS = 500;

const memberOf = (reportId: string, fact: FactRef | null) =>
  fact ? `${reportId}|${fact.kind}|${fact.index}` : reportId;

function parseMember(member: string): { reportId: string; fact: FactRef | null } {
  const [reportId, kind, index] = member.split('|');
  return { reportId, fact: kind ? { kind: kind as FactRef['kind'], index: Number(index) } : null };
}

export type VerdictResult = {
  /** The report's verification before the change (undefined: never judged). */
  before: ReportVerification | undefined;
  verification: ReportVerification;
  verdict: Verdict;
  /** False when the request changed nothing (nothing written or announced). */
  changed: boolean;
  /** Whether the status changed (the report must be folded again for the walls). */
  statusChanged: boolean;
  /** A number unique to this change of the report (its audit length), for job ids. */
  n: number;
};

export class VerificationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly reports: ReportStore,
    private readonly maxLen: number,
  ) {}

  /** Gives a verdict; throws NotFound, Conflict (locked, 409), Forbidden (role, 403) or AuditFull. */
  async judge(reportId: string, fact: FactRef | null, input: VerificationInput, actor: Actor): Promise<VerdictResult> {
    const reportKey = this.keys.report(reportId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [raw, crisesJson, reportJson] = await this.redis.hmget(reportKey, 'verification', 'crises', 'report');
      if (!reportJson) throw new NotFound(`No report with id ${reportId}`);
      const expected = raw ?? '';
      const verification = raw ? (JSON.parse(raw) as ReportVerification) : undefined;
      const before = verdictOf(verification, fact);
      const at = new Date().toISOString();
      const verdict = nextVerdict(before, input, actor, at, { reportId, fact });
      if (sameVerdict(before, verdict))
        return {
          before: verification,
          verification: verification ?? unverified(),
          verdict: before,
          changed: false,
          statusChanged: false,
          n: 0,
        };
      const after = withVerdict(verification, fact, verdict);
      const crises = crisesJson ? (JSON.parse(crisesJson) as CrisisAssignment[]).map((c) => c.slug) : [];
      const change: ChangeBody = { type: 'verification.changed', id: reportId, fact, verification: after, crises };
      const audit: AuditEntry = {
        at,
        by: actor.name,
        role: actor.role,
        action: 'verification.set',
        target: reportId,
        before,
        after: verdict,
        ...(input.note ? { note: input.note } : {}),
        ...(fact ? { detail: { fact } } : {}),
      };
      const open = verdict.assignee !== null && openVerificationStatuses.includes(verdict.status);
      const alert = this.alertFor(reportId, fact, before, verdict, actor, reportJson);
      const result = Number(
        await this.redis.eval(
          COMMIT_LUA,
          5,
          reportKey,
          this.keys.audit(reportId),
          this.keys.changes,
          this.keys.verificationQueue(before.assignee ?? verdict.assignee ?? '-'),
          this.keys.verificationQueue(verdict.assignee ?? '-'),
          expected,
          JSON.stringify(after),
          JSON.stringify(audit),
          JSON.stringify(change),
          String(this.maxLen),
          String(MAX_AUDIT_PER_REPORT),
          memberOf(reportId, fact),
          open ? '1' : '0',
          alert ? JSON.stringify(alert) : '',
        ),
      );
      if (result === -1) throw new NotFound(`No report with id ${reportId}`);
      if (result === -2) throw auditFull(reportId);
      if (result > 0)
        return {
          before: verification,
          verification: after,
          verdict,
          changed: true,
          statusChanged: before.status !== verdict.status,
          n: result,
        };
      // Someone else changed the verification in between: read again and judge again.
    }
    throw new Error(`verification of ${reportId}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
  }

  /** The in-app alert a person gets when someone else gives them a check. */
  private alertFor(
    reportId: string,
    fact: FactRef | null,
    before: Verdict,
    verdict: Verdict,
    actor: Actor,
    reportJson: string,
  ): ChangeBody | null {
    if (!verdict.assignee || verdict.assignee === before.assignee || verdict.assignee === actor.name) return null;
    const { title, text } = JSON.parse(reportJson) as { title?: string; text: string };
    const what = fact ? `${fact.kind === 'troops' ? 'troop figure' : 'meeting'} #${fact.index + 1} of ` : '';
    return {
      type: 'alert.fired',
      subscriptionId: 'verification',
      userId: verdict.assignee,
      title: `${actor.name} gave you a check`,
      body: `${what}"${(title ?? text).slice(0, 120)}"\n/desk?report=${reportId}`,
      changeSeq: '',
    };
  }

  /** The open checks assigned to a user, newest report first. */
  async queue(username: string): Promise<QueueItem[]> {
    const members = (await this.redis.smembers(this.keys.verificationQueue(username))).slice(0, MAX_QUEUE_ITEMS);
    const parsed = members.map(parseMember);
    const ids = [...new Set(parsed.map((p) => p.reportId))];
    const stored = new Map(ids.map((id, i) => [id, i]));
    const reports = await this.reports.getMany(ids);
    const items: QueueItem[] = [];
    for (const { reportId, fact } of parsed) {
      const report = reports[stored.get(reportId) ?? -1];
      if (!report) continue;
      const verdict = verdictOf(report.verification, fact);
      // The set is kept in the same script as the verdict; this guards against a report removed by retention.
      if (verdict.assignee !== username || !openVerificationStatuses.includes(verdict.status)) continue;
      items.push({
        reportId,
        fact,
        verdict,
        ...(report.report.title ? { title: report.report.title } : {}),
        excerpt: report.report.text.slice(0, 200),
        receivedAt: report.report.receivedAt,
      });
    }
    return items.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }
}
