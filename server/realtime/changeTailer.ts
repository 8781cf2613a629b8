/**
 * Tails the change stream (XREAD BLOCK on its own connection) and hands each batch of new
 * changes to a listener in seq order. `lastSeq` is how far this node has emitted; catch-up logic
 * waits on it so a resuming socket neither misses nor doubles a change.
 */
import type { Logger } from 'pino';
import type { Change } from '../../shared/events.js';
import { compareSeq, type ChangeStream } from '../storage/changeStream.js';

const BLOCK_MS = 2000;

type Batch = Awaited<ReturnType<ChangeStream['readBlocking']>>;

export class ChangeTailer {
  lastSeq = '0-0';
  private stopped = false;
  private waiters: { seq: string; resolve: () => void }[] = [];
  private loop: Promise<void> | null = null;

  constructor(
    private readonly stream: ChangeStream,
    private readonly onChanges: (changes: readonly Change[]) => void,
    private readonly log: Logger,
  ) {}

  /** Starts from the current end of the stream: history is served by catch-up, not replayed. */
  async start(): Promise<void> {
    this.lastSeq = await this.stream.lastSeq();
    this.loop = this.run();
  }

  /** Resolves once this node has emitted everything up to `seq`. */
  reached(seq: string): Promise<void> {
    if (compareSeq(this.lastSeq, seq) >= 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
    await this.loop;
  }

  private async run(): Promise<void> {
    let next: Promise<Batch> | null = null;
    while (!this.stopped) {
      try {
        const { changes, last }: Batch = await (next ?? this.stream.readBlocking(this.lastSeq, BLOCK_MS));
        // Ask for what follows this batch before emitting it: a fan-out to 1,000 sockets takes
        // ~13 ms, and a change written meanwhile is then already waiting in the socket when it
        // ends, instead of one more round trip to Redis later.
        next = this.stopped ? null : this.stream.readBlocking(last, BLOCK_MS);
        next?.catch(() => undefined); // handled where it is awaited; this only keeps a stop quiet
        if (changes.length > 0) {
          try {
            this.onChanges(changes);
          } catch (err) {
            this.log.error({ err, from: changes[0].seq, to: last }, 'emitting changes failed');
          }
        }
        this.lastSeq = last;
        this.wakeWaiters();
      } catch (err) {
        next = null;
        if (this.stopped) break;
        this.log.warn({ err: (err as Error).message }, 'change stream unreachable; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private wakeWaiters(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => compareSeq(this.lastSeq, w.seq) >= 0);
    this.waiters = this.waiters.filter((w) => compareSeq(this.lastSeq, w.seq) < 0);
    for (const w of ready) w.resolve();
  }
}
