/** Who is acting, for the audit trail: the signed-in user (or token) behind a request. */
import type { Request } from 'express';
import type { AuditAction, AuditEntry } from '../../shared/desk.js';
import { Unauthorized } from '../errors.js';

export type Actor = { name: string; role: string };

export function actorOf(req: Request): Actor {
  if (!req.principal) throw new Unauthorized();
  return { name: req.principal.name, role: req.principal.role };
}

export function auditEntry(
  actor: Actor,
  action: AuditAction,
  target: string,
  before: unknown,
  after: unknown,
  note?: string,
): AuditEntry {
  return {
    at: new Date().toISOString(),
    by: actor.name,
    role: actor.role,
    action,
    target,
    before,
    after,
    ...(note ? { note } : {}),
  };
}
