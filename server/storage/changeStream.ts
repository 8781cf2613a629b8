/**
 * The change streams: the desk's (every report, flags, crises, alerts) and one per crisis (its
 * state and its reports), each in order. An entry's id is the `seq` clients resume from, in
 * that stream. Writers append inside their own atomic step (Lua or MULTI); api nodes tail them
 * and emit to sockets.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import type { Change, ChangeBody } from '../../shared/events.js';
import { compareSeq } from '../../shared/seq.js';

/** The one field each entry carries: the change body as JSON (the seq is the entry id). */
export const CHANGE_FIELD = 'c';

type RawEntry = [id: string, fields: string[]];

/** A stream entry as a change; `crisis` is the stream's crisis (null for the desk stream). */
export function parseEntry([id, fields]: RawEntry, crisis: string | null = null): Change | null {
  const at = fields.indexOf(CHANGE_FIELD);
  if (at < 0 || at + 1 >= fields.length) return null;
  try {
    // No leading spread followed by fields (docs/operations.md, "Objects in hot paths").
    const change = JSON.parse(fields[at + 1]) as Change;
    change.seq = id;
    change.crisis = crisis;
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

/** Queues an append onto a MULTI/pipeline, trimming approximately to maxLen. */
export function appendChange(multi: ChainableCommander, key: string, change: ChangeBody, maxLen: number): void {
  multi.xadd(key, 'MAXLEN', '~', String(maxLen), '*', CHANGE_FIELD, JSON.stringify(change));
}

export class ChangeStream {
  /** `crisis`: the crisis whose stream it is, null for the desk stream; set on every change read. */
  constructor(
    private readonly redis: Redis,
    readonly key: string,
    readonly crisis: string | null = null,
  ) {}

  /** The newest entry id, or "0-0" for an empty stream. */
  async lastSeq(): Promise<string> {
    const entries = (await this.redis.xrevrange(this.key, '+', '-', 'COUNT', 1)) as RawEntry[];
    return entries[0]?.[0] ?? '0-0';
  }

  /** Entries after `after` (exclusive) up to `upTo` (inclusive), at most `count`. */
  async readRange(after: string, upTo = '+', count = 1000): Promise<Change[]> {
    const entries = (await this.redis.xrange(this.key, `(${after}`, upTo, 'COUNT', count)) as RawEntry[];
    return entries.map((e) => parseEntry(e, this.crisis)).filter((c): c is Change => c !== null);
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
}

/** What one blocking read over several streams gave: per stream read, its changes and where to continue. */
export type StreamBatch = { key: string; crisis: string | null; changes: Change[]; last: string };

/**
 * Blocks up to blockMs for entries after the given ids of several streams at once (one
 * XREAD); a stream with nothing new is left out of the answer.
 */
export async function readStreams(
  redis: Redis,
  streams: readonly { key: string; crisis: string | null; after: string }[],
  blockMs: number,
  count = 500,
): Promise<StreamBatch[]> {
  const result = (await redis.xread(
    'COUNT',
    count,
    'BLOCK',
    blockMs,
    'STREAMS',
    ...streams.map((s) => s.key),
    ...streams.map((s) => s.after),
  )) as [string, RawEntry[]][] | null;
  const out: StreamBatch[] = [];
  for (const [key, entries] of result ?? []) {
    const stream = streams.find((s) => s.key === key);
    if (!stream || entries.length === 0) continue;
    out.push({
      key,
      crisis: stream.crisis,
      changes: entries.map((e) => parseEntry(e, stream.crisis)).filter((c): c is Change => c !== null),
      last: entries[entries.length - 1][0],
    });
  }
  return out;
}
