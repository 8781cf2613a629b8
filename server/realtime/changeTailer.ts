/**
 * Tails the desk stream and every crisis' stream (one XREAD BLOCK over all of them, on its own
 * connection) and hands each batch of new changes to a listener, in seq order per stream. A
 * crisis made or removed (a `crisis.changed` on the desk stream) adds or drops its stream.
 * `reached()` is how far this node has emitted on a stream; catch-up waits on it so a resuming
 * socket neither misses nor doubles a change.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Change } from '../../shared/events.js';
import { compareSeq } from '../../shared/seq.js';
import { readStreams, type StreamBatch } from '../storage/changeStream.js';

const BLOCK_MS = 2000;

/** The streams a tailer follows: the desk's, and how to name a crisis' stream. */
export type TailedStreams = {
  deskKey: string;
  crisisKey(slug: string): string;
  /** The crises that exist now (read once at start; afterwards the desk stream says). */
  crises(): Promise<string[]>;
};

type Tail = { key: string; crisis: string | null; after: string };

export class ChangeTailer {
  private tails = new Map<string, Tail>();
  private stopped = false;
  private waiters: { key: string; seq: string; resolve: () => void }[] = [];
  private loop: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly streams: TailedStreams,
    private readonly onChanges: (changes: readonly Change[]) => void,
    private readonly log: Logger,
  ) {}

  /** Starts from the current end of each stream: history is served by catch-up, not replayed. */
  async start(): Promise<void> {
    // The desk stream's end first: a crisis made after it is announced after it, so none is missed.
    const deskKey = this.streams.deskKey;
    this.tails.set(deskKey, { key: deskKey, crisis: null, after: await this.lastId(deskKey) });
    for (const slug of await this.streams.crises()) {
      const key = this.streams.crisisKey(slug);
      this.tails.set(key, { key, crisis: slug, after: await this.lastId(key) });
    }
    this.loop = this.run();
  }

  /** How far this node has emitted on the stream (`0-0` for one it does not follow yet). */
  lastSeq(key: string): string {
    return this.tails.get(key)?.after ?? '0-0';
  }

  /** Resolves once this node has emitted everything up to `seq` on the stream. */
  reached(key: string, seq: string): Promise<void> {
    if (compareSeq(this.lastSeq(key), seq) >= 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ key, seq, resolve }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
    await this.loop;
  }

  private async lastId(key: string): Promise<string> {
    const entries = (await this.redis.xrevrange(key, '+', '-', 'COUNT', 1)) as [string, string[]][];
    return entries[0]?.[0] ?? '0-0';
  }

  private read(): Promise<StreamBatch[]> {
    return readStreams(this.redis, [...this.tails.values()], BLOCK_MS);
  }

  private async run(): Promise<void> {
    let next: Promise<StreamBatch[]> | null = null;
    while (!this.stopped) {
      try {
        const batches: StreamBatch[] = await (next ?? this.read());
        for (const b of batches) {
          const tail = this.tails.get(b.key);
          if (tail) tail.after = b.last;
        }
        // Crises made or removed change what the next read asks for: follow them before asking.
        for (const b of batches) if (b.crisis === null) this.followCrises(b.changes);
        // Ask for what follows this batch before emitting it: a fan-out to 1,000 sockets takes
        // ~13 ms, and a change written meanwhile is then already waiting in the socket when it
        // ends, instead of one more round trip to Redis later.
        next = this.stopped ? null : this.read();
        next?.catch(() => undefined); // handled where it is awaited; this only keeps a stop quiet
        for (const b of batches) {
          if (b.changes.length === 0) continue;
          try {
            this.onChanges(b.changes);
          } catch (err) {
            this.log.error({ err, stream: b.key, from: b.changes[0].seq, to: b.last }, 'emitting changes failed');
          }
        }
        this.wakeWaiters();
      } catch (err) {
        next = null;
        if (this.stopped) break;
        this.log.warn({ err: (err as Error).message }, 'change streams unreachable; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** A new crisis' stream is followed from its start (it may already hold entries); a removed one is dropped. */
  private followCrises(changes: readonly Change[]): void {
    for (const change of changes) {
      if (change.type !== 'crisis.changed') continue;
      const key = this.streams.crisisKey(change.slug);
      if (change.definition && !this.tails.has(key)) this.tails.set(key, { key, crisis: change.slug, after: '0-0' });
      else if (!change.definition) this.drop(key);
    }
  }

  /** Stops following a removed crisis' stream; whoever waited on it is released (their crisis is gone). */
  private drop(key: string): void {
    this.tails.delete(key);
    const released = this.waiters.filter((w) => w.key === key);
    this.waiters = this.waiters.filter((w) => w.key !== key);
    for (const w of released) w.resolve();
  }

  private wakeWaiters(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => compareSeq(this.lastSeq(w.key), w.seq) >= 0);
    this.waiters = this.waiters.filter((w) => compareSeq(this.lastSeq(w.key), w.seq) < 0);
    for (const w of ready) w.resolve();
  }
}
