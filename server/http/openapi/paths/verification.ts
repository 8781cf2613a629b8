/** Verification: verdicts on a report or one of its facts, and the checks given to people. */
import { z } from 'zod';
import { reportIdSchema } from '../../../../shared/report.js';
import { sourceNameSchema, sourceTierInputSchema } from '../../../../shared/sources.schema.js';
import { verificationInputSchema } from '../../../../shared/verification.js';
import { provenanceQuerySchema } from '../../routes/sources.js';
import { factIndexSchema, factKindSchema } from '../../routes/verification.js';
import type { RouteDoc } from '../route.js';

const verdict = "`{id, verification}`: the report's verdicts as they now stand";

export const verificationRoutes: RouteDoc[] = [
  {
    method: 'put',
    path: '/api/reports/:id/verification',
    tag: 'verification',
    access: 'flag',
    summary: 'The verdict on a report (with an assignee, a note, a lock)',
    params: z.object({ id: reportIdSchema }),
    body: { 'application/json': verificationInputSchema },
    ok: { 200: verdict },
    errors: {
      400: '`invalid_input`, or an assignee who is a viewer',
      409: 'The verdict is locked, or the trail is full',
    },
  },
  {
    method: 'put',
    path: '/api/reports/:id/facts/:kind/:index/verification',
    tag: 'verification',
    access: 'flag',
    summary: 'The verdict on one extracted fact (troops or meetings, by index)',
    params: z.object({ id: reportIdSchema, kind: factKindSchema, index: factIndexSchema }),
    body: { 'application/json': verificationInputSchema },
    ok: { 200: verdict },
    errors: {
      404: 'No report with that id, no such fact, or no such assignee',
      409: '`not_extracted`, a locked verdict, or a full trail',
    },
  },
  {
    method: 'get',
    path: '/api/verification/queue',
    tag: 'verification',
    access: 'flag',
    summary: "The caller's open checks (My queue)",
    ok: { 200: '`{items}`' },
  },
  {
    method: 'get',
    path: '/api/verification/assignees',
    tag: 'verification',
    access: 'flag',
    summary: 'Who a check can be given to (journalists and above)',
    ok: { 200: '`{assignees}`' },
  },
  {
    method: 'get',
    path: '/api/sources',
    tag: 'sources',
    access: 'read',
    summary: 'Every source with its tier',
    ok: { 200: '`{sources}`' },
  },
  {
    method: 'get',
    path: '/api/sources/of-reports',
    tag: 'sources',
    access: 'read',
    summary: 'The source and tier of each report named',
    query: provenanceQuerySchema,
    ok: { 200: '`{reports}`' },
  },
  {
    method: 'get',
    path: '/api/sources/audit',
    tag: 'sources',
    access: 'edit',
    summary: "Changes of sources' tiers: who, when, before, after",
    ok: { 200: '`{entries}`' },
  },
  {
    method: 'put',
    path: '/api/sources/:name/tier',
    tag: 'sources',
    access: 'edit',
    summary: "Set a source's tier",
    params: z.object({ name: sourceNameSchema }),
    body: { 'application/json': sourceTierInputSchema },
    ok: { 200: '`{source}`' },
  },
];
