/**
 * GET /api/state?crisis=SLUG: the public picture of a crisis (display token or session); the
 * first crisis made without `crisis`, the desk's picture (reports only) while there is none.
 * An unknown crisis is a 404 that names it.
 */
import { Router } from 'express';
import { z } from 'zod';
import { crisisSlugSchema } from '../../../shared/crisis.js';
import type { CrisisStore } from '../../storage/crisisStore.js';
import type { SnapshotReader } from '../../storage/snapshot.js';
import { publicState } from '../../realtime/redact.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';

export const stateQuerySchema = z.object({ crisis: crisisSlugSchema.optional() });

export function stateRouter(snapshots: SnapshotReader, crises: CrisisStore): Router {
  const router = Router();
  router.get('/', requirePermission('read'), async (req, res) => {
    const query = parseOrThrow(stateQuerySchema, req.query, 'query');
    const state = await snapshots.read(await crises.resolve(query.crisis));
    // Journalists' names are for signed-in users, not for wall screens and scripts.
    res.json(req.principal?.kind === 'session' ? state : publicState(state));
  });
  return router;
}
