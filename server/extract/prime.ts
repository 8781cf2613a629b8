/**
 * Primes extract() on a thread that has just started (each extraction thread, and the worker's
 * main thread, which extracts short notes itself; see workers/extractPool.ts): the first call
 * pays one-off costs that would otherwise fall on the first reports a worker takes, mostly V8
 * compiling and optimising the steps' functions as each first runs.
 */
import type { Extraction } from '../../shared/extraction.js';
import { extract } from './index.js';

/** Our own words, touching every part of extraction: people, places, days, weeks, months, troop figures, meetings and tension. */
const PRIMING_TEXT = [
  'Foreign Minister Anna Nowak will meet her Russian counterpart in Geneva on Friday, officials said on Tuesday.',
  'The two presidents spoke by phone yesterday and agreed to hold a video call this week, ahead of a summit next month.',
  'Russia has brought at least 100,000 troops to the frontier, up from 90,000 in January; NATO estimates',
  'that between 110,000 and 130,000 soldiers could be deployed by the end of the month.',
  'Talks planned for 14 March 2022 in Vienna were postponed to January 29. NATO cancelled a meeting with Russia in Minsk planned in two weeks.',
  'Kyiv warned of a possible invasion and new sanctions, while both capitals urged calm, de-escalation and more dialogue.',
].join(' ');

/** Runs one extraction on a built-in text; callers discard the result (returned for the test). */
export function primeExtraction(): Extraction {
  return extract(PRIMING_TEXT, '2022-01-19');
}
