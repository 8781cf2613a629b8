/** Accounts: sign-in, users, issued tokens and the account audit trail (admins). */
import { z } from 'zod';
import { loginSchema } from '../../../../shared/desk.js';
import { logoutQuerySchema } from '../../routes/session.js';
import { createTokenSchema, tokenIdSchema } from '../../routes/tokens.schema.js';
import { createUserSchema, updateUserSchema, usernameParamSchema } from '../../routes/users.schema.js';
import type { RouteDoc } from '../route.js';

const byUsername = z.object({ username: usernameParamSchema });

export const accountRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/session',
    tag: 'session',
    access: 'public',
    summary: 'Sign in: sets the httpOnly session cookie',
    description: "Only from the app's own Origin. Failed attempts are limited per IP and per username.",
    body: { 'application/json': loginSchema },
    ok: { 200: '`{user: {username, role}}`' },
    errors: {
      401: '`invalid_credentials`: wrong username or password',
      403: "The Origin header is missing or not the app's",
      413: 'The body is larger than 1 MB',
      429: '`too_many_attempts`: too many failed sign-ins from this IP or for this username',
    },
  },
  {
    method: 'get',
    path: '/api/session',
    tag: 'session',
    access: 'signedIn',
    summary: 'Who is signed in',
    ok: { 200: '`{user: {username, role}}`' },
  },
  {
    method: 'delete',
    path: '/api/session',
    tag: 'session',
    access: 'public',
    summary: 'Sign out (`?all=1`: every session of the user)',
    query: logoutQuerySchema,
    ok: { 204: 'Signed out (also when there was no session)' },
  },
  {
    method: 'post',
    path: '/api/users',
    tag: 'users',
    access: 'admin',
    summary: 'Make an account',
    body: { 'application/json': createUserSchema },
    ok: { 201: '`{user}`' },
    errors: { 409: 'The username is taken' },
  },
  {
    method: 'get',
    path: '/api/users',
    tag: 'users',
    access: 'admin',
    summary: 'Every account (never a hash)',
    ok: { 200: '`{users}`' },
  },
  {
    method: 'patch',
    path: '/api/users/:username',
    tag: 'users',
    access: 'admin',
    summary: "Change a user's role or password (ends their sessions)",
    params: byUsername,
    body: { 'application/json': updateUserSchema },
    ok: { 200: '`{user}`' },
  },
  {
    method: 'delete',
    path: '/api/users/:username',
    tag: 'users',
    access: 'admin',
    summary: 'Remove an account and end its sessions (not your own)',
    params: byUsername,
    ok: { 204: 'Removed' },
    errors: { 400: '`self_removal`: an admin cannot remove their own account' },
  },
  {
    method: 'delete',
    path: '/api/users/:username/sessions',
    tag: 'users',
    access: 'admin',
    summary: 'Sign a user out everywhere',
    params: byUsername,
    ok: { 200: '`{ended}`: how many sessions ended' },
  },
  {
    method: 'post',
    path: '/api/tokens',
    tag: 'tokens',
    access: 'admin',
    summary: 'Issue a display or ingest token (shown once)',
    body: { 'application/json': createTokenSchema },
    ok: { 201: 'The token record with `token`' },
  },
  {
    method: 'get',
    path: '/api/tokens',
    tag: 'tokens',
    access: 'admin',
    summary: 'Issued tokens (never the secret)',
    ok: { 200: '`{tokens}`' },
  },
  {
    method: 'delete',
    path: '/api/tokens/:id',
    tag: 'tokens',
    access: 'admin',
    summary: 'Revoke a token (its sockets are dropped)',
    params: z.object({ id: tokenIdSchema }),
    ok: { 204: 'Revoked' },
  },
  {
    method: 'get',
    path: '/api/audit',
    tag: 'users',
    access: 'admin',
    summary: 'Account changes: who, when, before, after',
    ok: { 200: '`{entries}`' },
  },
];
