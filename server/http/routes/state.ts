/** GET /api/state: the public picture (display token or session). */
import { Router } from 'express';
import type { SnapshotReader } from '../../storage/snapshot.js';
import { requirePermission } from '../auth.js';

export function stateRouter(snapshots: SnapshotReader): Router {
  const router = Router();
  router.get('/', requirePermission('read'), async (_req, res) => {
    res.json(await snapshots.read());
  });
  return router;
}
