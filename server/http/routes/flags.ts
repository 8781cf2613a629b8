/**
 * POST /api/reports/:id/flags {flag, note?} sets a flag (again: replaces its note);
 * DELETE /api/reports/:id/flags/:flag lifts it. Journalist or above. Each change is written
 * with its audit entry and a `flag.changed` change, so every screen shows it at once.
 */
import { Router } from 'express';
import { flagInputSchema } from '../../../shared/desk.js';
import { actorOf } from '../../auth/actor.js';
import type { FlagStore } from '../../storage/flagStore.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';
import { reportIdSchema } from '../../../shared/report.js';
import { flagKindSchema } from './flags.schema.js';

export function flagsRouter(flags: FlagStore): Router {
  const router = Router({ mergeParams: true });

  router.post('/flags', requirePermission('flag'), async (req, res) => {
    const id = parseOrThrow(reportIdSchema, (req.params as { id?: string }).id, 'id');
    const input = parseOrThrow(flagInputSchema, req.body);
    res.json({ id, flags: await flags.set(id, input.flag, input.note || undefined, actorOf(req)) });
  });

  router.delete('/flags/:flag', requirePermission('flag'), async (req, res) => {
    const id = parseOrThrow(reportIdSchema, (req.params as { id?: string }).id, 'id');
    const kind = parseOrThrow(flagKindSchema, req.params.flag, 'flag');
    res.json({ id, flags: await flags.remove(id, kind, actorOf(req)) });
  });

  return router;
}
