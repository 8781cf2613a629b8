/**
 * extract() as the worker runs it: the built module (dist/, which `npm run bench` builds first).
 * The benches that compare against the pipeline time this, not the TypeScript source through tsx,
 * whose transform wraps functions in name-keeping helpers the build has not (p50 0.67–0.69 ms
 * from source, 0.61–0.62 built, in alternate runs).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type Extract = (text: string, dateline: string) => unknown;

export const BUILT_EXTRACT = path.resolve('dist/server/extract/index.js');

export const hasBuiltExtract = (): boolean => existsSync(BUILT_EXTRACT);

export async function importBuiltExtract(): Promise<Extract> {
  return ((await import(pathToFileURL(BUILT_EXTRACT).href)) as { extract: Extract }).extract;
}

/** The built primeExtraction(), which the worker's extraction thread runs before its first report. */
export async function importBuiltPrime(): Promise<() => unknown> {
  const primeModule = path.join(path.dirname(BUILT_EXTRACT), 'prime.js');
  return ((await import(pathToFileURL(primeModule).href)) as { primeExtraction: () => unknown }).primeExtraction;
}
