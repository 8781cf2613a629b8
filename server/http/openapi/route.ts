/**
 * How one route is described: its input schemas (the very zod schemas its handler parses with),
 * who may call it, and the answers it gives. document.ts turns a list of these into OpenAPI 3.1.
 */
import type { z } from 'zod';
import type { Permission } from '../../../shared/roles.js';

/**
 * Who may call a route: a permission of `can()`, `public` (no credentials: the route is mounted
 * before authentication or checks nothing), or `signedIn` (a person's session, any role: the
 * audit trails and GET /api/session name people, which no token may read).
 */
export type Access = Permission | 'public' | 'signedIn';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type RouteDoc = {
  method: Method;
  /** Express-style, as mounted: `/api/reports/:id/flags`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Request bodies by media type. */
  body?: Record<string, z.ZodType>;
  /** The answers when all goes well, by status. */
  ok: Record<number, string>;
  /** The errors this route raises beyond those every route of its kind can give (see errors.ts). */
  errors?: Partial<Record<number, string>>;
};
