import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/events.js';
import type { ChangeStream } from '../storage/changeStream.js';
import { ChangeTailer } from './changeTailer.js';

type Batch = { changes: Change[]; last: string };

/**
 * A stand-in for the stream's blocking read (the tailer against real Redis is covered by the
 * socket tests): hands out the given batches in turn, then blocks until stopped.
 */
function scriptedStream(batches: Batch[]) {
  const reads: string[] = [];
  let release: () => void = () => undefined;
  const stream = {
    lastSeq: async () => '0-0',
    readBlocking: (after: string): Promise<Batch> => {
      reads.push(after);
      const batch = batches.shift();
      if (batch) return Promise.resolve(batch);
      return new Promise((resolve) => (release = () => resolve({ changes: [], last: after })));
    },
  };
  return { stream: stream as unknown as ChangeStream, reads, release: () => release() };
}

const added = (seq: string): Change => ({ type: 'flag.changed', id: `r${seq}`, flags: [], seq });

describe('change tailer', () => {
  it('asks for the next batch before emitting the one it has, and emits every batch in order', async () => {
    const { stream, reads, release } = scriptedStream([
      { changes: [added('1-0'), added('2-0')], last: '2-0' },
      { changes: [added('3-0')], last: '3-0' },
    ]);
    const seen: { seqs: string[]; readsSoFar: string[] }[] = [];
    const tailer = new ChangeTailer(
      stream,
      (changes) => seen.push({ seqs: changes.map((c) => c.seq), readsSoFar: [...reads] }),
      pino({ level: 'silent' }),
    );
    await tailer.start();
    await tailer.reached('3-0');
    expect(seen).toEqual([
      // The read after 2-0 was on its way while 1-0 and 2-0 went out.
      { seqs: ['1-0', '2-0'], readsSoFar: ['0-0', '2-0'] },
      { seqs: ['3-0'], readsSoFar: ['0-0', '2-0', '3-0'] },
    ]);
    expect(tailer.lastSeq).toBe('3-0');
    const stopped = tailer.stop();
    release();
    await stopped;
  });
});
