/**
 * Crises in Redis: one JSON per slug in a hash, their order of creation (the first made is the
 * default crisis), and a version bumped on every change, which workers compare before routing a
 * report (so a report is never assigned with rules older than the ones in force). Each change is
 * written with its audit entry and a `crisis.changed` entry on the desk stream, in one script.
 */
import type { Redis } from 'ioredis';
import type { Crisis, CrisisPatch } from '../../shared/crisis.js';
import type { AuditEntry } from '../../shared/desk.js';
import type { Actor } from '../auth/actor.js';
import { auditEntry } from '../auth/actor.js';
import { Conflict, NotFound } from '../errors.js';
import { CHANGE_FIELD } from './changeStream.js';
import type { Keys } from './keys.js';

/**
 * KEYS: 1 crises hash, 2 order, 3 version, 4 audit, 5 desk changes.
 * ARGV: 1 slug, 2 expected JSON ('' = must not exist), 3 new JSON ('' = remove), 4 createdAt ms,
 *       5 audit JSON, 6 change JSON, 7 maxlen. Returns the new version, 0 when the crisis is not
 *       as expected (taken, gone or changed meanwhile).
 */
const WRITE_LUA = `
local current = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if current ~= ARGV[2] then return 0 end
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  redis.call('ZADD', KEYS[2], 'NX', ARGV[4], ARGV[1])
end
local v = redis.call('INCR', KEYS[3])
redis.call('RPUSH', KEYS[4], ARGV[5])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[7], '*', '${CHANGE_FIELD}', ARGV[6])
return v`;

const MAX_ATTEMPTS = 20;

export type CrisisWrite = { crisis: Crisis | null; before: Crisis | null; version: number };

export class CrisisStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly maxLen: number,
  ) {}

  /** Every crisis, the first made first, and the version they are at (read together). */
  async list(): Promise<{ crises: Crisis[]; version: number }> {
    const results =
      (await this.redis
        .multi()
        .zrange(this.keys.crisisOrder, 0, -1)
        .hgetall(this.keys.crises)
        .get(this.keys.crisesVersion)
        .exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    const [order, all, version] = results.map(([, v]) => v) as [string[], Record<string, string>, string | null];
    const crises = order.flatMap((slug) => (all[slug] ? [JSON.parse(all[slug]) as Crisis] : []));
    return { crises, version: Number(version ?? 0) };
  }

  async version(): Promise<number> {
    return Number((await this.redis.get(this.keys.crisesVersion)) ?? 0);
  }

  async get(slug: string): Promise<Crisis | null> {
    const json = await this.redis.hget(this.keys.crises, slug);
    return json ? (JSON.parse(json) as Crisis) : null;
  }

  /** The crisis named, or the first made when no slug is given; NotFound names the slug. */
  async resolve(slug: string | undefined): Promise<Crisis | null> {
    if (slug !== undefined) {
      const crisis = await this.get(slug);
      if (!crisis) throw new NotFound(`No crisis with slug "${slug}"`);
      return crisis;
    }
    const [first] = await this.redis.zrange(this.keys.crisisOrder, 0, 0);
    return first ? this.get(first) : null;
  }

  /** Makes a crisis; Conflict when the slug is taken. */
  async create(crisis: Crisis, actor: Actor): Promise<CrisisWrite> {
    const version = await this.write(
      crisis.slug,
      '',
      crisis,
      auditEntry(actor, 'crisis.created', crisis.slug, null, crisis),
    );
    if (version === 0) throw new Conflict(`The slug "${crisis.slug}" is taken: choose another, or change that crisis`);
    return { crisis, before: null, version };
  }

  /** Changes a crisis' name or rules; NotFound when there is none with that slug. */
  async update(slug: string, patch: CrisisPatch, actor: Actor): Promise<CrisisWrite> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const json = await this.redis.hget(this.keys.crises, slug);
      if (!json) throw new NotFound(`No crisis with slug "${slug}"`);
      const before = JSON.parse(json) as Crisis;
      const { principal, ...rest } = patch;
      const after: Crisis = { ...before, ...rest };
      if (principal === null) delete after.principal;
      else if (principal !== undefined) after.principal = principal;
      if (JSON.stringify(after) === json) return { crisis: before, before, version: await this.version() };
      const version = await this.write(slug, json, after, auditEntry(actor, 'crisis.updated', slug, before, after));
      if (version > 0) return { crisis: after, before, version };
    }
    throw new Error(`crisis ${slug}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
  }

  /** Removes a crisis; NotFound when there is none with that slug. */
  async remove(slug: string, actor: Actor): Promise<CrisisWrite> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const json = await this.redis.hget(this.keys.crises, slug);
      if (!json) throw new NotFound(`No crisis with slug "${slug}"`);
      const before = JSON.parse(json) as Crisis;
      const version = await this.write(slug, json, null, auditEntry(actor, 'crisis.removed', slug, before, null));
      if (version > 0) return { crisis: null, before, version };
    }
    throw new Error(`crisis ${slug}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
  }

  /** The audit of crises made, changed and removed, oldest first. */
  async audit(limit = 1000): Promise<AuditEntry[]> {
    const raw = await this.redis.lrange(this.keys.crisisAudit, -limit, -1);
    return raw.map((r) => JSON.parse(r) as AuditEntry);
  }

  private async write(slug: string, expected: string, next: Crisis | null, audit: AuditEntry): Promise<number> {
    const k = this.keys;
    const version = await this.redis.eval(
      WRITE_LUA,
      5,
      k.crises,
      k.crisisOrder,
      k.crisesVersion,
      k.crisisAudit,
      k.changes,
      slug,
      expected,
      next ? JSON.stringify(next) : '',
      String(Date.parse(next?.createdAt ?? '') || Date.now()),
      JSON.stringify(audit),
      JSON.stringify({ type: 'crisis.changed', slug, definition: next }),
      String(this.maxLen),
    );
    return Number(version);
  }
}
