/**
 * The Redis stream "changes": every state change, in order. Its entry id is the
 * `seq` clients resume from. Writers append inside their own atomic step (Lua or MULTI);
 * api nodes tail it and emit to sockets.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import type { Change, ChangeBody } from '../../shared/events.js';

/** The one field each entry carries: the change body as JSON (the seq is the entry id). */
export const CHANGE_FIELD = 'c';

type RawEntry = [id: string, fields: string[]];

export function parseEntry([id, fields]: RawEntry): Change | null {
  const at = fields.indexOf(CHANGE_FIELD);
  if (at < 0 || at + 1 >= fields.length) return null;
  try {
    // No leading spread followed by fields (README, "Objects in hot paths").
    const change = JSON.parse(fields[at + 1]) as Change;
    change.seq = id;
    return change;
  } catch {
    return null;
  }
}

/** Change bodies are written with `type` first (appendChange, foldStore): read it without parsing the rest. */
const TYPE_AT_HEAD = /^\{"type":"([^"\\]+)"/;

/**
 * The type of an entry's change, read from the head of its JSON; null when the head is not in
 * that form (then parse the entry to know). Lets a reader skip, unparsed, the changes it ignores.
 */
export function peekType([, fields]: RawEntry): string | null {
  const at = fields.indexOf(CHANGE_FIELD);
  if (at < 0 || at + 1 >= fields.length) return null;
  return TYPE_AT_HEAD.exec(fields[at + 1])?.[1] ?? null;
}

/** Orders two stream ids ("ms-seq"): negative, zero or positive like a comparator. */
export function compareSeq(a: string, b: string): number {
  const [am, as] = a.split('-');
  const [bm, bs] = b.split('-');
  const byMs = BigInt(am) - BigInt(bm);
  if (byMs !== 0n) return byMs < 0n ? -1 : 1;
  const bySeq = BigInt(as ?? '0') - BigInt(bs ?? '0');
  return bySeq === 0n ? 0 : bySeq < 0n ? -1 : 1;
}

/** Queues an append onto a MULTI/pipeline, trimming approximately to maxLen. */
export function appendChange(multi: ChainableCommander, key: string, change: ChangeBody, maxLen: number): void {
  multi.xadd(key, 'MAXLEN', '~', String(maxLen), '*', CHANGE_FIELD, JSON.stringify(change));
}

export class ChangeStream {
  constructor(
    private readonly redis: Redis,
    readonly key: string,
  ) {}

  /** The newest entry id, or "0-0" for an empty stream. */
  async lastSeq(): Promise<string> {
    const entries = (await this.redis.xrevrange(this.key, '+', '-', 'COUNT', 1)) as RawEntry[];
    return entries[0]?.[0] ?? '0-0';
  }

  /** Entries after `after` (exclusive) up to `upTo` (inclusive), at most `count`. */
  async readRange(after: string, upTo = '+', count = 1000): Promise<Change[]> {
    const entries = (await this.redis.xrange(this.key, `(${after}`, upTo, 'COUNT', count)) as RawEntry[];
    return entries.map(parseEntry).filter((c): c is Change => c !== null);
  }

  /**
   * Whether everything after `since` is still in the stream. False when trimming may have
   * removed entries a client has not seen, or when the stream is gone (a reset store).
   */
  async reachesBackTo(since: string): Promise<boolean> {
    let info: unknown[];
    try {
      info = (await this.redis.xinfo('STREAM', this.key)) as unknown[];
    } catch {
      return since === '0-0'; // no stream yet: only a client that has seen nothing can resume
    }
    const field = (name: string) => info[info.indexOf(name) + 1];
    const last = String(field('last-generated-id') ?? '0-0');
    if (compareSeq(since, last) > 0) return false; // a seq from the future: another store
    const length = Number(field('length') ?? 0);
    const added = Number(field('entries-added') ?? length);
    if (added === length) return true; // nothing was ever trimmed or deleted
    // Something was trimmed (Redis 7.0 does not move max-deleted-entry-id on XTRIM): the client
    // can resume only if the last entry it saw is still the oldest one kept or newer.
    const first = (field('first-entry') as [string, unknown] | null)?.[0];
    return first !== undefined ? compareSeq(since, first) >= 0 : compareSeq(since, last) >= 0;
  }

  /** Blocks up to blockMs for entries after `after`; `last` is the id to continue from (past unreadable entries too). */
  async readBlocking(after: string, blockMs: number, count = 500): Promise<{ changes: Change[]; last: string }> {
    const result = (await this.redis.xread('COUNT', count, 'BLOCK', blockMs, 'STREAMS', this.key, after)) as
      [string, RawEntry[]][] | null;
    const entries = result?.[0]?.[1] ?? [];
    if (entries.length === 0) return { changes: [], last: after };
    return {
      changes: entries.map(parseEntry).filter((c): c is Change => c !== null),
      last: entries[entries.length - 1][0],
    };
  }
}
