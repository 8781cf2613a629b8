/** Crises: the routing rules that gather reports, and their audit trail. */
import { z } from 'zod';
import { crisisInputSchema, crisisPatchSchema, crisisSlugSchema } from '../../../../shared/crisis.js';
import type { RouteDoc } from '../route.js';

const bySlug = z.object({ slug: crisisSlugSchema });
const tag = 'crises';

export const crisisRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/crises',
    tag,
    access: 'read',
    summary: 'Every crisis (the first made first) and the latest re-assignment',
    ok: { 200: '`{crises, reassignment}`' },
  },
  {
    method: 'get',
    path: '/api/crises/:slug',
    tag,
    access: 'read',
    summary: 'One crisis',
    params: bySlug,
    ok: { 200: '`{crisis, notice?}`' },
  },
  {
    method: 'get',
    path: '/api/crises/:slug/audit',
    tag,
    access: 'signedIn',
    summary: "The crisis' audit trail (who changed its rules, and how)",
    params: bySlug,
    ok: { 200: '`{slug, entries}`' },
  },
  {
    method: 'post',
    path: '/api/crises',
    tag,
    access: 'edit',
    summary: 'Make a crisis; every stored report is routed again in the background',
    body: { 'application/json': crisisInputSchema },
    ok: { 201: '`{crisis, notice?}`' },
    errors: { 409: 'The slug is taken' },
  },
  {
    method: 'patch',
    path: '/api/crises/:slug',
    tag,
    access: 'edit',
    summary: "Change a crisis' name or rules (`principal: null` removes it)",
    params: bySlug,
    body: { 'application/json': crisisPatchSchema },
    ok: { 200: '`{crisis, notice?}`' },
  },
  {
    method: 'delete',
    path: '/api/crises/:slug',
    tag,
    access: 'edit',
    summary: 'Remove a crisis',
    params: bySlug,
    ok: { 200: '`{removed: slug}`' },
  },
];
