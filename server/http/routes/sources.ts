/**
 * Sources and their reliability tiers:
 * GET /api/sources (read) → {sources}: every source an editor gave a tier;
 * GET /api/sources/of-reports?ids=a,b (read) → {reports}: each report's source, title, dateline
 *   and its source's tier, so the wall and the desk can name the source of each figure;
 * PUT /api/sources/:name/tier {tier} (editor and above) → {source}: set or clear (null), audited;
 * GET /api/sources/audit (editor and above) → {entries}: who set which tier, when.
 */
import { Router } from 'express';
import { z } from 'zod';
import { MAX_PROVENANCE_IDS, sourceKey, type ReportProvenance } from '../../../shared/sources.js';
import { sourceNameSchema, sourceTierInputSchema } from '../../../shared/sources.schema.js';
import { actorOf, auditEntry } from '../../auth/actor.js';
import type { AuditStore } from '../../storage/auditStore.js';
import type { Keys } from '../../storage/keys.js';
import type { ReportStore } from '../../storage/reportStore.js';
import type { SourceStore } from '../../storage/sourceStore.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';
import { reportIdSchema } from '../../../shared/report.js';

export const provenanceQuerySchema = z.object({
  ids: z
    .string({ error: 'ids is required: report ids separated by commas' })
    .max(MAX_PROVENANCE_IDS * 33, `ids: at most ${MAX_PROVENANCE_IDS} report ids`)
    .transform((s) => [...new Set(s.split(',').filter((x) => x !== ''))])
    .pipe(
      z
        .array(reportIdSchema)
        .min(1, 'ids: give at least one report id')
        .max(MAX_PROVENANCE_IDS, `ids: at most ${MAX_PROVENANCE_IDS} report ids`),
    ),
});

export function sourcesRouter(deps: {
  sources: SourceStore;
  reports: ReportStore;
  audit: AuditStore;
  keys: Keys;
}): Router {
  const router = Router();

  router.get('/', requirePermission('read'), async (_req, res) => {
    res.json({ sources: await deps.sources.list() });
  });

  router.get('/of-reports', requirePermission('read'), async (req, res) => {
    const { ids } = parseOrThrow(provenanceQuerySchema, req.query, 'query');
    const stored = await deps.reports.getMany(ids);
    const names = stored.flatMap((s) => (s?.report.source ? [s.report.source] : []));
    const tiers = await deps.sources.tiersOf(names);
    const reports: ReportProvenance[] = stored.flatMap((s) =>
      s
        ? [
            {
              id: s.report.id,
              source: s.report.source ?? null,
              title: s.report.title ?? null,
              dateline: s.report.dateline,
              tier: s.report.source ? (tiers.get(sourceKey(s.report.source)) ?? null) : null,
            },
          ]
        : [],
    );
    res.json({ reports });
  });

  router.get('/audit', requirePermission('edit'), async (_req, res) => {
    res.json({ entries: await deps.audit.list(deps.keys.sourceAudit) });
  });

  router.put('/:name/tier', requirePermission('edit'), async (req, res) => {
    const name = parseOrThrow(sourceNameSchema, req.params.name, 'name');
    const { tier } = parseOrThrow(sourceTierInputSchema, req.body);
    const actor = actorOf(req);
    const before = await deps.sources.get(name);
    const audit = auditEntry(actor, 'source.tier-set', name, before?.tier ?? null, tier);
    const source = await deps.sources.setTier(name, tier, actor.name, audit);
    res.json({ source: source ?? { name, tier: null } });
  });

  return router;
}
