/**
 * GET /api/reports/:id/audit → {entries}: every flag and correction of a report, oldest
 * first, with who, when, before and after (signed-in users, viewer and above).
 * GET /api/audit → {entries}: account changes (admin).
 */
import { Router, type RequestHandler } from 'express';
import { Forbidden, NotFound } from '../../errors.js';
import type { AuditStore } from '../../storage/auditStore.js';
import type { Keys } from '../../storage/keys.js';
import type { ReportStore } from '../../storage/reportStore.js';
import { reportIdSchema } from '../../../shared/report.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';

/** The trail names journalists: people signed in may read it, screens and scripts (tokens) may not. */
export const requireSignedIn: RequestHandler = (req, _res, next) => {
  if (req.principal?.kind !== 'session') return next(new Forbidden('The audit trail is for signed-in users'));
  next();
};

export function reportAuditRouter(deps: { audit: AuditStore; reports: ReportStore; keys: Keys }): Router {
  const router = Router({ mergeParams: true });
  router.get('/audit', requirePermission('read'), requireSignedIn, async (req, res) => {
    const id = parseOrThrow(reportIdSchema, (req.params as { id?: string }).id, 'id');
    if (!(await deps.reports.get(id))) throw new NotFound(`No report with id ${id}`);
    res.json({ id, entries: await deps.audit.list(deps.keys.audit(id)) });
  });
  return router;
}

export function accountAuditRouter(deps: { audit: AuditStore; keys: Keys }): Router {
  const router = Router();
  router.get('/', requirePermission('admin'), async (_req, res) => {
    res.json({ entries: await deps.audit.list(deps.keys.accountAudit) });
  });
  return router;
}
