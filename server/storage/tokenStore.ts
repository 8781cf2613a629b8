/**
 * Bearer tokens issued by admins (display screens, ingest scripts), beside the ones from the
 * environment. Only the SHA-256 of a token is stored; the token is shown once, at creation.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AuditEntry, IssuedToken } from '../../shared/desk.js';
import type { IssuedTokenRole } from '../../shared/roles.js';
import { appendAudit } from './auditStore.js';
import type { Keys } from './keys.js';

type StoredToken = IssuedToken & { hash: string };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class TokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Issues a token; the returned `token` is the only copy of the secret. */
  async create(
    name: string,
    role: IssuedTokenRole,
    createdBy: string,
    audit: (token: IssuedToken) => AuditEntry,
  ): Promise<IssuedToken & { token: string }> {
    const token = `cdt_${randomBytes(24).toString('base64url')}`;
    const meta: IssuedToken = {
      id: randomBytes(8).toString('hex'),
      name,
      role,
      createdAt: new Date().toISOString(),
      createdBy,
    };
    const stored: StoredToken = { ...meta, hash: hashToken(token) };
    const multi = this.redis
      .multi()
      .hset(this.keys.tokens, meta.id, JSON.stringify(stored))
      .hset(this.keys.tokensByHash, stored.hash, meta.id);
    appendAudit(multi, this.keys.accountAudit, audit(meta));
    const results = await multi.exec();
    for (const [err] of results ?? []) if (err) throw err;
    return { ...meta, token };
  }

  async list(): Promise<IssuedToken[]> {
    const all = Object.values(await this.redis.hgetall(this.keys.tokens)).map((raw) => JSON.parse(raw) as StoredToken);
    return all.map(({ hash: _hash, ...meta }) => meta).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** The token's metadata, or null when it was never issued or has been revoked. */
  async resolve(token: string): Promise<IssuedToken | null> {
    const id = await this.redis.hget(this.keys.tokensByHash, hashToken(token));
    if (!id) return null;
    const raw = await this.redis.hget(this.keys.tokens, id);
    return raw ? (JSON.parse(raw) as IssuedToken) : null;
  }

  /** Revokes a token by id; null when there is no such token. Sockets using it are dropped. */
  async revoke(id: string, audit: (token: IssuedToken) => AuditEntry): Promise<IssuedToken | null> {
    const raw = await this.redis.hget(this.keys.tokens, id);
    if (!raw) return null;
    const { hash, ...meta } = JSON.parse(raw) as StoredToken;
    const multi = this.redis.multi().hdel(this.keys.tokens, id).hdel(this.keys.tokensByHash, hash);
    appendAudit(multi, this.keys.accountAudit, audit(meta));
    await multi.exec();
    await this.redis.publish(this.keys.revocations, 'token');
    return meta;
  }
}
