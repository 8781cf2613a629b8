/**
 * GET /api/trends?crisis=SLUG&asOf=ISO: the series the trends page draws (tension per actor pair
 * day by day with what drove each rise, each force's figures by claimant), kept out of the live
 * picture so walls are not sent them on every change. Same access as GET /api/state; the page
 * fetches them again when a `tension.updated` or `troops.updated` change arrives.
 */
import { Router } from 'express';
import { NotFound } from '../../errors.js';
import type { AsOfReader } from '../../storage/asOfReader.js';
import type { CrisisStore } from '../../storage/crisisStore.js';
import type { SnapshotReader } from '../../storage/snapshot.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';
import { stateQuerySchema } from './state.js';

export const trendsQuerySchema = stateQuerySchema;

export function trendsRouter(snapshots: SnapshotReader, crises: CrisisStore, asOf: AsOfReader): Router {
  const router = Router();
  router.get('/', requirePermission('read'), async (req, res) => {
    const query = parseOrThrow(trendsQuerySchema, req.query, 'query');
    const crisis = await crises.resolve(query.crisis);
    if (!crisis) throw new NotFound('There is no crisis yet, so no trends');
    if (query.asOf === undefined) {
      res.json(await snapshots.readSeries(crisis));
      return;
    }
    res.json(await asOf.readSeries(crisis, query.asOf));
  });
  return router;
}
