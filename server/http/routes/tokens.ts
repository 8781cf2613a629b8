/**
 * Admin-issued bearer tokens for wall displays and ingest scripts: POST /api/tokens
 * {name, role: "display"|"ingest"} → 201 with the token (shown this once), GET /api/tokens
 * (never the secrets), DELETE /api/tokens/:id (revoked at once; its sockets are dropped).
 */
import { Router } from 'express';
import { actorOf, auditEntry } from '../../auth/actor.js';
import { NotFound } from '../../errors.js';
import type { TokenStore } from '../../storage/tokenStore.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';
import { createTokenSchema, tokenIdSchema } from './tokens.schema.js';

export function tokensRouter(tokens: TokenStore): Router {
  const router = Router();
  router.use(requirePermission('admin'));

  router.post('/', async (req, res) => {
    const { name, role } = parseOrThrow(createTokenSchema, req.body);
    const actor = actorOf(req);
    const issued = await tokens.create(name, role, actor.name, (meta) =>
      auditEntry(actor, 'token.created', meta.id, null, meta),
    );
    res.status(201).json(issued);
  });

  router.get('/', async (_req, res) => {
    res.json({ tokens: await tokens.list() });
  });

  router.delete('/:id', async (req, res) => {
    const id = parseOrThrow(tokenIdSchema, req.params.id, 'id');
    const actor = actorOf(req);
    const revoked = await tokens.revoke(id, (meta) => auditEntry(actor, 'token.revoked', meta.id, meta, null));
    if (!revoked) throw new NotFound(`No token with id ${id}`);
    res.status(204).end();
  });

  return router;
}
