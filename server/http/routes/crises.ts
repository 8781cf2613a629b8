/**
 * The crises a newsroom follows. GET /api/crises (any token or session) → {crises, reassignment};
 * GET /api/crises/:slug; POST /api/crises (editor and above) → 201, 409 when the slug is taken;
 * PATCH and DELETE /api/crises/:slug. Every change is audited (GET /api/crises/:slug/audit,
 * signed-in users: it names who), announced on the desk stream, and followed by a re-assignment
 * of every report in the background (progress in `reassignment`).
 */
import { Router } from 'express';
import {
  crisisInputSchema,
  crisisPatchSchema,
  crisisSlugSchema,
  hasRules,
  NO_RULES_NOTICE,
  type Crisis,
} from '../../../shared/crisis.js';
import type { ReassignmentProgress } from '../../../shared/events.js';
import { actorOf } from '../../auth/actor.js';
import { NotFound } from '../../errors.js';
import { enqueueReassignment, type CrisesQueue } from '../../queues/crisesQueue.js';
import { foldOptionsKey } from '../../crises/foldOptions.js';
import type { CrisisStore } from '../../storage/crisisStore.js';
import { requirePermission } from '../auth.js';
import { requireSignedIn } from './audit.js';
import { parseOrThrow } from '../validate.js';

/**
 * A crisis as answered: with the notice when it cannot gather anything, and after a write the
 * crises' version it made (the re-assignment's progress names the version it works for).
 */
const withNotice = (crisis: Crisis, version?: number) => ({
  crisis,
  ...(hasRules(crisis) ? {} : { notice: NO_RULES_NOTICE }),
  ...(version === undefined ? {} : { version }),
});

export function crisesRouter(deps: {
  crises: CrisisStore;
  queue: CrisesQueue;
  reassignment: () => Promise<ReassignmentProgress | null>;
}): Router {
  const router = Router();
  const slugOf = (raw: unknown) => parseOrThrow(crisisSlugSchema, raw, 'slug');

  router.get('/', requirePermission('read'), async (_req, res) => {
    const [{ crises }, reassignment] = await Promise.all([deps.crises.list(), deps.reassignment()]);
    res.json({ crises, reassignment });
  });

  router.get('/:slug', requirePermission('read'), async (req, res) => {
    const slug = slugOf(req.params.slug);
    const crisis = await deps.crises.get(slug);
    if (!crisis) throw new NotFound(`No crisis with slug "${slug}"`);
    res.json(withNotice(crisis));
  });

  router.get('/:slug/audit', requirePermission('read'), requireSignedIn, async (req, res) => {
    const slug = slugOf(req.params.slug);
    const entries = (await deps.crises.audit()).filter((e) => e.target === slug);
    if (entries.length === 0 && !(await deps.crises.get(slug))) throw new NotFound(`No crisis with slug "${slug}"`);
    res.json({ slug, entries });
  });

  router.post('/', requirePermission('edit'), async (req, res) => {
    const input = parseOrThrow(crisisInputSchema, req.body);
    const crisis: Crisis = { ...input, createdAt: new Date().toISOString() };
    const written = await deps.crises.create(crisis, actorOf(req));
    await enqueueReassignment(deps.queue, { version: written.version, rebuild: [], removed: [] });
    res.status(201).json(withNotice(crisis, written.version));
  });

  router.patch('/:slug', requirePermission('edit'), async (req, res) => {
    const slug = slugOf(req.params.slug);
    const patch = parseOrThrow(crisisPatchSchema, req.body);
    const written = await deps.crises.update(slug, patch, actorOf(req));
    const after = written.crisis!;
    if (written.before && JSON.stringify(written.before) !== JSON.stringify(after)) {
      // What the fold groups troop figures by changed: fold the crisis again from nothing.
      const foldMoved = foldOptionsKey(written.before) !== foldOptionsKey(after);
      await enqueueReassignment(deps.queue, {
        version: written.version,
        rebuild: foldMoved ? [slug] : [],
        removed: [],
      });
    }
    res.json(withNotice(after, written.version));
  });

  router.delete('/:slug', requirePermission('edit'), async (req, res) => {
    const slug = slugOf(req.params.slug);
    const written = await deps.crises.remove(slug, actorOf(req));
    await enqueueReassignment(deps.queue, { version: written.version, rebuild: [], removed: [slug] });
    res.json({ removed: slug, version: written.version });
  });

  return router;
}
