/**
 * Accounts, for admins: POST /api/users, GET /api/users, PATCH /api/users/:username
 * {role?, password?}, DELETE /api/users/:username, DELETE /api/users/:username/sessions.
 * A changed role or password, or a removed account, ends that user's sessions everywhere
 * (the new role applies from the next sign-in); a removed account's alert subscriptions end too.
 */
import { Router } from 'express';
import { actorOf, auditEntry } from '../../auth/actor.js';
import { hashPassword } from '../../auth/passwords.js';
import { BadRequest, Conflict, NotFound } from '../../errors.js';
import type { SessionStore } from '../../storage/sessionStore.js';
import type { SubscriptionStore } from '../../storage/subscriptionStore.js';
import { toPublicUser, type UserStore } from '../../storage/userStore.js';
import type { AuditStore } from '../../storage/auditStore.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';
import { createUserSchema, updateUserSchema, usernameParamSchema } from './users.schema.js';

export function usersRouter(deps: {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
  auditKey: string;
  subscriptions: SubscriptionStore;
}): Router {
  const router = Router();
  router.use(requirePermission('admin'));

  router.post('/', async (req, res) => {
    const input = parseOrThrow(createUserSchema, req.body);
    const actor = actorOf(req);
    const user = {
      username: input.username,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
      createdBy: actor.name,
    };
    const audit = auditEntry(actor, 'user.created', user.username, null, { username: user.username, role: user.role });
    if (!(await deps.users.create(user, audit))) throw new Conflict(`A user named ${user.username} already exists`);
    res.status(201).json({ user: toPublicUser(user) });
  });

  router.get('/', async (_req, res) => {
    res.json({ users: await deps.users.list() });
  });

  router.patch('/:username', async (req, res) => {
    const username = parseOrThrow(usernameParamSchema, req.params.username, 'username');
    const change = parseOrThrow(updateUserSchema, req.body);
    const actor = actorOf(req);
    const existing = await deps.users.get(username);
    if (!existing) throw new NotFound(`No user named ${username}`);
    const after = { role: change.role ?? existing.role, passwordChanged: change.password !== undefined };
    const audit = auditEntry(actor, 'user.updated', username, { role: existing.role }, after);
    const passwordHash = change.password !== undefined ? await hashPassword(change.password) : undefined;
    if (!(await deps.users.update(username, { role: change.role, passwordHash }, audit)))
      throw new NotFound(`No user named ${username}`);
    await deps.sessions.revokeAll(username);
    res.json({ user: toPublicUser({ ...existing, role: after.role }) });
  });

  router.delete('/:username', async (req, res) => {
    const username = parseOrThrow(usernameParamSchema, req.params.username, 'username');
    const actor = actorOf(req);
    if (username === actor.name)
      throw new BadRequest('You cannot remove your own account; ask another admin', undefined, 'self_removal');
    const existing = await deps.users.get(username);
    if (!existing) throw new NotFound(`No user named ${username}`);
    const audit = auditEntry(actor, 'user.removed', username, toPublicUser(existing), null);
    if (!(await deps.users.remove(username, audit))) throw new NotFound(`No user named ${username}`);
    // Offboarding: nothing of theirs goes on acting for them (their webhooks, e-mails, sockets).
    await deps.subscriptions.deleteAllOf(username);
    await deps.sessions.revokeAll(username);
    res.status(204).end();
  });

  router.delete('/:username/sessions', async (req, res) => {
    const username = parseOrThrow(usernameParamSchema, req.params.username, 'username');
    const ended = await deps.sessions.revokeAll(username);
    await deps.audit.append(
      deps.auditKey,
      auditEntry(actorOf(req), 'user.sessions-revoked', username, { sessions: ended }, { sessions: 0 }),
    );
    res.json({ ended });
  });

  return router;
}
