/** Every figure of a run: printed as `bench NAME: VALUE UNIT` the moment it is known, and kept for the summary. */
import { round } from './stats.js';

export type Figure = { name: string; value: number | string; unit: string };

export const figures: Figure[] = [];

/** Prints and keeps one figure. `value` NaN or a string prints as is (e.g. "n/a (reason)"). */
export function record(name: string, value: number | string, unit = ''): void {
  const shown = typeof value === 'number' ? round(value) : value;
  figures.push({ name, value: typeof value === 'number' ? round(value) : value, unit });
  console.log(`bench ${name}: ${shown}${unit ? ` ${unit}` : ''}`);
}

/** The last value of a figure, when it is a number. */
export function valueOf(name: string): number | undefined {
  const f = figures.findLast((x) => x.name === name);
  return typeof f?.value === 'number' && Number.isFinite(f.value) ? f.value : undefined;
}

/** Parses a `bench NAME: VALUE UNIT` line printed by a child bench, and keeps it (without printing it again). */
export function keepLine(line: string): boolean {
  const m = /^bench ([\w.-]+): (\S+)(?: (.*))?$/.exec(line.trim());
  if (!m) return false;
  const num = Number(m[2]);
  figures.push({
    name: m[1],
    value: Number.isFinite(num) ? num : `${m[2]}${m[3] ? ` ${m[3]}` : ''}`,
    unit: Number.isFinite(num) ? (m[3] ?? '') : '',
  });
  return true;
}
