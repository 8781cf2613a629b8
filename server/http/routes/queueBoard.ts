/**
 * Queue health for admins: bull-board at /admin/queues (waiting, active, failed jobs; retry and
 * clean). Authenticated by the session cookie like the desk; its own writes (retry, pause) are
 * cookie writes, so they need the app's Origin like every other.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { Router, type RequestHandler } from 'express';
import { Forbidden, Unauthorized } from '../../errors.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** A browser without a session is sent to the desk's sign-in; anything else gets 401/403 JSON. */
const requireAdmin: RequestHandler = (req, res, next) => {
  if (!req.principal) {
    if (req.method === 'GET' && req.accepts(['json', 'html']) === 'html') return res.redirect(303, '/desk');
    return next(new Unauthorized('Sign in as an admin to see the queues'));
  }
  if (req.principal.role !== 'admin') return next(new Forbidden('Queue health is for admins'));
  next();
};

export function queueBoardRouter(queues: Queue[]): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  // @bull-board/express 9.10.1 pins its own copy of @bull-board/api (we have 9.10.2): the two
  // declare the same adapter class twice, so TypeScript needs telling they are the same thing.
  type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: serverAdapter as unknown as BoardServerAdapter,
  });
  const router = Router();
  router.use(QUEUE_BOARD_PATH, requireAdmin, serverAdapter.getRouter() as Router);
  return router;
}
