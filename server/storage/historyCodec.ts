/**
 * How a history checkpoint is stored: the fold state's JSON, gzipped at the fastest level. The
 * state (~225 KB of JSON, bounded by server/state/constants.ts) shrinks about fivefold, and
 * gzip and gunzip take ~2 ms and ~1 ms, paid once per checkpoint written and per as-of read.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

export function encodeCheckpoint(state: unknown): Buffer {
  return gzipSync(JSON.stringify(state), { level: 1 });
}

export function decodeCheckpoint<S>(stored: Buffer): S {
  return JSON.parse(gunzipSync(stored).toString('utf8')) as S;
}

/** The key of a fold's options in the history's options hash: a digest of their JSON. */
export function optionsKeyOf(optionsJson: string): string {
  return createHash('sha1').update(optionsJson).digest('base64url').slice(0, 10);
}
