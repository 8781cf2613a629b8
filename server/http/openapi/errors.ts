/** The error answers of the API: one JSON shape, and the statuses each kind of route can give. */
import { z } from 'zod';
import type { RouteDoc } from './route.js';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'stable, machine-readable (`invalid_input`, `not_found`, …)' }),
      message: z.string().meta({ description: 'what went wrong and what to do, for a person' }),
      details: z
        .array(z.object({ field: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'for `invalid_input`: each field that failed validation' }),
    }),
  })
  .meta({ id: 'Error' });

/** Statuses any route of the API may answer, whoever calls it. */
const always: Record<number, string> = {
  500: 'Something went wrong on the server (logged; no stack is sent)',
  503: 'The store (Redis) is unreachable: answered within 2 s; retry shortly',
};

const writeMethods = new Set(['post', 'put', 'patch', 'delete']);

/** The error statuses of one route: from its inputs, its access rule and its own `errors`. */
export function errorStatuses(route: RouteDoc): Record<number, string> {
  const out: Record<number, string> = {};
  if (route.params || route.query || route.body)
    out[400] = '`invalid_input`: a parameter, the query or the body failed validation; `details` names each field';
  if (route.access !== 'public') out[401] = 'No credentials, or a bearer token that matches nothing';
  if (route.access !== 'public' && route.access !== 'read')
    out[403] = 'The caller is known but its role may not do this (see `x-roles`)';
  if (route.params) out[404] = 'Nothing with that id (the message names it)';
  if (route.body) out[413] = 'The body is larger than 1 MB';
  if (writeMethods.has(route.method) && route.access !== 'public')
    out[507] = '`store_full`: Redis reached maxmemory; nothing was written';
  Object.assign(out, always);
  for (const [status, description] of Object.entries(route.errors ?? {}))
    if (description) out[Number(status)] = description;
  return out;
}
