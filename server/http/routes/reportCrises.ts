/**
 * A journalist puts a report in a crisis the rules missed, or takes it out of one:
 * POST /api/reports/:id/crises {crisis, note?} and DELETE /api/reports/:id/crises/:slug
 * (journalist and above) → 202; either holds whatever the rules say later, until
 * DELETE /api/reports/:id/crises/:slug/override gives the report back to the rules for that
 * crisis. Each change is audited, the report is folded again (its contributions move between
 * the crises' pictures) and every desk sees its new crises.
 */
import { Router } from 'express';
import { z } from 'zod';
import { crisisSlugSchema } from '../../../shared/crisis.js';
import { actorOf } from '../../auth/actor.js';
import { NotFound } from '../../errors.js';
import { withTimeout, type IngestQueue } from '../../queues/ingestProducer.js';
import type { CrisisStore } from '../../storage/crisisStore.js';
import type { OverrideStore } from '../../storage/overrideStore.js';
import { reportIdSchema } from '../../../shared/report.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';

export const assignCrisisSchema = z.object({
  crisis: crisisSlugSchema,
  note: z.string().trim().max(1000, 'note must be at most 1000 characters').optional(),
});

export function reportCrisesRouter(deps: {
  crises: CrisisStore;
  overrides: OverrideStore;
  queue: IngestQueue;
}): Router {
  const router = Router({ mergeParams: true });

  async function change(rawId: unknown, slug: string, write: (id: string) => Promise<number>) {
    const id = parseOrThrow(reportIdSchema, rawId, 'id');
    if (!(await deps.crises.get(slug))) throw new NotFound(`No crisis with slug "${slug}"`);
    const n = await write(id);
    // A distinct job id per change (BullMQ keeps one job per id, and ids may not contain ":").
    await withTimeout(deps.queue.add('assignment', { reportId: id }, { jobId: `${id}-crisis-${n}` }), 2000);
    return { id, crisis: slug, status: 'queued' as const };
  }

  router.post('/crises', requirePermission('flag'), async (req, res) => {
    const input = parseOrThrow(assignCrisisSchema, req.body);
    const actor = actorOf(req);
    const done = await change((req.params as { id?: string }).id, input.crisis, (id) =>
      deps.overrides.set(id, input.crisis, true, actor, input.note),
    );
    res.status(202).json({ ...done, in: true });
  });

  router.delete('/crises/:slug', requirePermission('flag'), async (req, res) => {
    const slug = parseOrThrow(crisisSlugSchema, req.params.slug, 'slug');
    const actor = actorOf(req);
    const done = await change((req.params as { id?: string }).id, slug, (id) =>
      deps.overrides.set(id, slug, false, actor),
    );
    res.status(202).json({ ...done, in: false });
  });

  router.delete('/crises/:slug/override', requirePermission('flag'), async (req, res) => {
    const slug = parseOrThrow(crisisSlugSchema, req.params.slug, 'slug');
    const actor = actorOf(req);
    const done = await change((req.params as { id?: string }).id, slug, (id) => deps.overrides.clear(id, slug, actor));
    res.status(202).json({ ...done, by: 'rule' });
  });

  return router;
}
