/**
 * GET /api/state?crisis=SLUG&asOf=ISO: the public picture of a crisis (display token or session);
 * the first crisis made without `crisis`, the desk's picture (reports only) while there is none.
 * With `asOf`, the picture as it stood at that moment (storage/asOfReader.ts). An unknown crisis
 * is a 404 that names it; a malformed `asOf` a 400 that shows the expected form.
 */
import { Router } from 'express';
import { z } from 'zod';
import { crisisSlugSchema } from '../../../shared/crisis.js';
import { NotFound } from '../../errors.js';
import type { AsOfReader } from '../../storage/asOfReader.js';
import type { CrisisStore } from '../../storage/crisisStore.js';
import type { SnapshotReader } from '../../storage/snapshot.js';
import { publicState } from '../../realtime/redact.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';

const AS_OF_FORM = 'an ISO-8601 date-time with a zone, such as 2026-12-07T14:05:00Z or 2026-12-07T15:05:00+01:00';

/** A moment: an ISO-8601 date-time with Z or an offset (a moment without a zone is ambiguous), as ms. */
export const asOfSchema = z
  .string()
  .max(40, `asOf must be ${AS_OF_FORM}`)
  .pipe(z.iso.datetime({ offset: true, message: `asOf must be ${AS_OF_FORM}` }))
  .transform((s) => Date.parse(s))
  .refine((ms) => Number.isFinite(ms), `asOf must be ${AS_OF_FORM}`);

export const stateQuerySchema = z.object({ crisis: crisisSlugSchema.optional(), asOf: asOfSchema.optional() });

export function stateRouter(snapshots: SnapshotReader, crises: CrisisStore, asOf: AsOfReader): Router {
  const router = Router();
  router.get('/', requirePermission('read'), async (req, res) => {
    const query = parseOrThrow(stateQuerySchema, req.query, 'query');
    const crisis = await crises.resolve(query.crisis);
    if (query.asOf !== undefined && !crisis) throw new NotFound('There is no crisis yet, so no picture of the past');
    const state =
      query.asOf !== undefined && crisis ? await asOf.read(crisis, query.asOf) : await snapshots.read(crisis);
    // Journalists' names are for signed-in users, not for wall screens and scripts.
    res.json(req.principal?.kind === 'session' ? state : publicState(state));
  });
  return router;
}
