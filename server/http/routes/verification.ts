/**
 * PUT /api/reports/:id/verification and PUT /api/reports/:id/facts/:kind/:index/verification
 * {status, assignee?, note?, locked?} (journalist or above): the verdict on a report or one of its
 * extracted facts, who checks it, and an editor's lock. Written with its audit entry and a
 * `verification.changed` change (storage/verificationStore.ts); a new status re-folds the report
 * so the walls mark the facts, and take off those judged false.
 * GET /api/verification/queue: the caller's open checks ("My queue"); GET /api/verification/assignees:
 * who a check can be given to.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Extraction } from '../../../shared/extraction.js';
import {
  factKinds,
  verificationInputSchema,
  type FactRef,
  type ReportVerification,
} from '../../../shared/verification.js';
import type { Withdrawn } from '../../alerts/verdictFacts.js';
import { factsTakenOffTheWall } from '../../state/index.js';
import { actorOf } from '../../auth/actor.js';
import { AppError, BadRequest, NotFound } from '../../errors.js';
import { withTimeout, type IngestQueue } from '../../queues/ingestProducer.js';
import type { ReportStore } from '../../storage/reportStore.js';
import type { UserStore } from '../../storage/userStore.js';
import type { VerificationStore } from '../../storage/verificationStore.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';
import { reportIdSchema } from '../../../shared/report.js';

export const factKindSchema = z.enum(factKinds, { error: `kind must be one of ${factKinds.join(', ')}` });
export const factIndexSchema = z.coerce
  .number({ error: 'index must be a number' })
  .int('index must be a whole number')
  .min(0, 'index must be 0 or more')
  .max(10_000, 'index must be at most 10000');

export type VerificationDeps = {
  reports: ReportStore;
  verification: VerificationStore;
  users: UserStore;
  queue: IngestQueue;
};

/** `report`: mounted at /api/reports/:id; `queue`: at /api/verification. */
/** What a verdict newly took off the wall (null: nothing), for the alerts' follow-ups. */
function newlyWithdrawn(
  original: Extraction,
  before: ReportVerification | undefined,
  after: ReportVerification,
): Withdrawn | null {
  const counts = { troops: original.troops.length, meetings: original.meetings.length };
  if (after.status === 'false' && before?.status !== 'false')
    return { facts: [], report: { before: before?.status ?? 'unverified' } };
  const wasOff = new Set(factsTakenOffTheWall(counts, before).map((f) => `${f.kind}:${f.index}`));
  const facts = factsTakenOffTheWall(counts, after).filter((f) => !wasOff.has(`${f.kind}:${f.index}`));
  return facts.length > 0 ? { facts, report: null } : null;
}

export function verificationRouters(deps: VerificationDeps): { report: Router; queue: Router } {
  const router = Router({ mergeParams: true });
  const queue = Router();

  /** Checks the fact exists in the machine's extraction (the indexes corrections use too). */
  async function checkFact(id: string, fact: FactRef): Promise<void> {
    const stored = await deps.reports.get(id);
    if (!stored) throw new NotFound(`No report with id ${id}`);
    const original = stored.original ?? stored.extraction;
    if (!original)
      throw new AppError(
        409,
        'not_extracted',
        `Report ${id} is ${stored.status}: its facts can be verified once it has been extracted`,
      );
    const count = original[fact.kind].length;
    if (fact.index >= count)
      throw new NotFound(`index ${fact.index} is out of range: report ${id} has ${count} extracted ${fact.kind}`);
  }

  async function judge(req: Request, fact: FactRef | null) {
    const id = parseOrThrow(reportIdSchema, (req.params as { id?: string }).id, 'id');
    const input = parseOrThrow(verificationInputSchema, req.body);
    if (fact) await checkFact(id, fact);
    if (input.assignee) {
      const user = await deps.users.get(input.assignee);
      if (!user) throw new NotFound(`assignee: no user named ${input.assignee}`);
      if (user.role === 'viewer')
        throw new BadRequest(
          `assignee: ${input.assignee} is a viewer and cannot give verdicts`,
          undefined,
          'invalid_input',
        );
    }
    const actor = actorOf(req);
    const result = await deps.verification.judge(id, fact, input, actor);
    if (result.statusChanged) {
      const stored = await deps.reports.get(id);
      const original = stored?.original ?? stored?.extraction;
      // Folded again so the walls mark its facts (and drop those judged false); before its first
      // fold the ingest job reads the verdicts itself. A distinct job id per change (":" is not allowed).
      if (original) {
        const withdrawn = newlyWithdrawn(original, result.before, result.verification);
        const verdict = { n: result.n, by: actor.name, ...(withdrawn ? { withdrawn } : {}) };
        await withTimeout(
          deps.queue.add('verdict', { reportId: id, verdict }, { jobId: `${id}-verdict-${result.n}` }),
          2000,
        );
      }
    }
    return { id, fact, verdict: result.verdict, verification: result.verification };
  }

  router.put('/verification', requirePermission('flag'), async (req, res) => {
    res.json(await judge(req, null));
  });

  router.put('/facts/:kind/:index/verification', requirePermission('flag'), async (req, res) => {
    const kind = parseOrThrow(factKindSchema, req.params.kind, 'kind');
    const index = parseOrThrow(factIndexSchema, req.params.index, 'index');
    res.json(await judge(req, { kind, index }));
  });

  // Who a check can be given to (journalists and above), for the desk's picker: names and roles only.
  queue.get('/assignees', requirePermission('flag'), async (_req, res) => {
    const users = await deps.users.list();
    res.json({
      users: users.filter((u) => u.role !== 'viewer').map((u) => ({ username: u.username, role: u.role })),
    });
  });

  queue.get('/queue', requirePermission('flag'), async (req, res) => {
    res.json({ items: await deps.verification.queue(actorOf(req).name) });
  });

  return { report: router, queue };
}
