/** Reports: ingest, read back, and what the desk does to one (flags, corrections, crises, audit). */
import { z } from 'zod';
import { correctionInputSchema, flagInputSchema } from '../../../../shared/desk.js';
import { crisisSlugSchema } from '../../../../shared/crisis.js';
import { ninjsSchema } from '../../../../shared/ninjs.js';
import { reportIdSchema, reportInputSchema } from '../../../../shared/report.js';
import { flagKindSchema } from '../../routes/flags.schema.js';
import { assignCrisisSchema } from '../../routes/reportCrises.js';
import { reportsQuerySchema } from '../../../../shared/search.js';
import { stateQuerySchema } from '../../routes/state.js';
import { trendsQuerySchema } from '../../routes/trends.js';
import type { RouteDoc } from '../route.js';

const byId = z.object({ id: reportIdSchema });
const tag = 'reports';

export const reportRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/reports',
    tag,
    access: 'ingest',
    summary: 'Send a report (JSON, IPTC ninjs or plain text)',
    description:
      'Plain text may start with a line `date YYYY-MM-DD`. The id is the digest of the normalised text: the same report again is a `duplicate`.',
    body: {
      'application/json': z.union([reportInputSchema, ninjsSchema]),
      'text/plain': z.string().meta({ description: 'the report; an optional first line `date YYYY-MM-DD`' }),
    },
    ok: { 202: '`{id, status: "queued"}`', 200: '`{id, status: "duplicate"}`: already received' },
    errors: {
      415: 'Neither JSON (or ninjs) nor text/plain',
      429: '`rate_limited`: INGEST_RATE_LIMIT_PER_MINUTE reached for this sender',
    },
  },
  {
    method: 'get',
    path: '/api/reports',
    tag,
    access: 'read',
    summary: 'Reports, newest first (one crisis, or those in no crisis)',
    query: reportsQuerySchema,
    ok: { 200: '`{reports, next}`: `next` is the `before` of the next page (null at the end)' },
    errors: { 404: 'No crisis with that slug' },
  },
  {
    method: 'get',
    path: '/api/reports/:id',
    tag,
    access: 'read',
    summary: 'One report: status, extraction, flags and crises',
    params: byId,
    ok: { 200: '`{id, status, report, extraction?, flags, crises?, error?}`; tokens see no names of people' },
  },
  {
    method: 'post',
    path: '/api/reports/:id/flags',
    tag,
    access: 'flag',
    summary: 'Set a flag (breaking, verified, disputed, follow-up)',
    params: byId,
    body: { 'application/json': flagInputSchema },
    ok: { 200: '`{id, flags}`' },
    errors: { 409: "`audit_full`: the report's audit trail is full" },
  },
  {
    method: 'delete',
    path: '/api/reports/:id/flags/:flag',
    tag,
    access: 'flag',
    summary: 'Lift a flag (nothing happens when it is absent)',
    params: z.object({ id: reportIdSchema, flag: flagKindSchema }),
    ok: { 200: '`{id, flags}`' },
  },
  {
    method: 'get',
    path: '/api/reports/:id/corrections',
    tag,
    access: 'read',
    summary: "The machine's extraction and the corrections made to it",
    params: byId,
    ok: { 200: '`{original, corrections, extraction}`' },
    errors: { 409: '`not_extracted`: the report has not been extracted yet' },
  },
  {
    method: 'post',
    path: '/api/reports/:id/corrections',
    tag,
    access: 'flag',
    summary: 'Correct the extraction (the report is folded again)',
    params: byId,
    body: { 'application/json': correctionInputSchema },
    ok: { 202: '`{id, n, status: "queued", before, after}`' },
    errors: { 409: '`not_extracted`, or `audit_full`: too many corrections or audit entries' },
  },
  {
    method: 'get',
    path: '/api/reports/:id/audit',
    tag,
    access: 'signedIn',
    summary: "The report's audit trail, oldest first",
    params: byId,
    ok: { 200: '`{id, entries: [{at, by, role, action, target, before, after, note?, detail?}]}`' },
  },
  {
    method: 'post',
    path: '/api/reports/:id/crises',
    tag,
    access: 'flag',
    summary: 'Put the report in a crisis by hand',
    params: byId,
    body: { 'application/json': assignCrisisSchema },
    ok: { 202: 'The assignment, `in: true`; the report is folded into the crisis' },
  },
  {
    method: 'delete',
    path: '/api/reports/:id/crises/:slug',
    tag,
    access: 'flag',
    summary: 'Take the report out of a crisis by hand',
    params: z.object({ id: reportIdSchema, slug: crisisSlugSchema }),
    ok: { 202: 'The assignment, `in: false`' },
  },
  {
    method: 'delete',
    path: '/api/reports/:id/crises/:slug/override',
    tag,
    access: 'flag',
    summary: 'Give the report back to the routing rules for a crisis',
    params: z.object({ id: reportIdSchema, slug: crisisSlugSchema }),
    ok: { 202: 'The assignment, `by: "rule"`' },
    errors: { 404: 'No report or crisis with that id, or no one had decided by hand' },
  },
  {
    method: 'get',
    path: '/api/state',
    tag: 'state',
    access: 'read',
    summary: "One crisis' picture: tension, troops, meetings (the snapshot clients start from)",
    query: stateQuerySchema,
    ok: { 200: 'The public state of the crisis (default: the first crisis made)' },
    errors: { 404: 'No crisis with that slug' },
  },
  {
    method: 'get',
    path: '/api/trends',
    tag: 'state',
    access: 'read',
    summary: "One crisis' series over time: tension per actor pair, each force's figures by claimant",
    query: trendsQuerySchema,
    ok: { 200: '`{crisis, seq, pairs, forces}`: the series the trends page draws (with `asOf`, as they stood then)' },
    errors: { 404: 'No crisis with that slug, or no crisis yet' },
  },
];
