/** GET /api/wall/config: what a wall display needs beyond the state (its clocks, from WALL_CLOCKS). */
import { Router } from 'express';
import type { Config } from '../../config/index.js';
import { requirePermission } from '../auth.js';

export type WallConfig = { clocks: Config['WALL_CLOCKS'] };

export function wallRouter(config: WallConfig): Router {
  const router = Router();
  const body = { clocks: config.clocks };
  router.get('/config', requirePermission('read'), (_req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=60');
    res.json(body);
  });
  return router;
}
