import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as d3Scales from './d3Scales.js';

const src = path.resolve(import.meta.dirname, '../..');

/** Every `scale="…"` a chart under client/src names. */
function scalesNamed(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx')))
    for (const m of readFileSync(path.join(src, file), 'utf8').matchAll(/\bscale="(\w+)"/g)) names.add(m[1]);
  return [...names];
}

describe('d3Scales (what Recharts may build in our bundle)', () => {
  it('has the scales Recharts picks for an axis without one: linear, band, point', () => {
    for (const name of ['scaleLinear', 'scaleBand', 'scalePoint'] as const)
      expect(typeof d3Scales[name], name).toBe('function');
  });

  it('has every scale a chart names, which Recharts would otherwise draw as "point"', () => {
    const named = scalesNamed();
    expect(named.length).toBeGreaterThan(0);
    for (const name of named)
      expect(Object.keys(d3Scales), name).toContain(`scale${name[0].toUpperCase()}${name.slice(1)}`);
  });
});
