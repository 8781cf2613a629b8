import { describe, expect, it } from 'vitest';
import { zoneClock } from './clockFormat.js';
import { parseAttempt, RELOAD_RETRY_MS, shouldReload } from './reloadPolicy.js';
import { sparklinePoints, trend } from './sparkline.js';
import { gaugeArc, gaugePoint } from './gauge.js';

describe('zoneClock', () => {
  it('gives the wall time of a zone through Intl, daylight saving included', () => {
    const winter = Date.parse('2022-01-19T12:00:00Z');
    const summer = Date.parse('2022-07-19T12:00:00Z');
    expect(zoneClock('Europe/Kyiv')?.time(winter)).toBe('14:00');
    expect(zoneClock('Europe/Kyiv')?.time(summer)).toBe('15:00');
    expect(zoneClock('America/New_York')?.time(winter)).toBe('07:00');
    expect(zoneClock('America/New_York')?.weekday(winter)).toBe('Wed');
  });
  it('refuses an unknown zone instead of throwing', () => {
    expect(zoneClock('Mars/Olympus')).toBeNull();
  });
});

describe('shouldReload', () => {
  it('reloads for a new build, but not again for the same build within the retry window', () => {
    expect(shouldReload(null, null, 0)).toBe(false);
    expect(shouldReload('b2', null, 0)).toBe(true);
    expect(shouldReload('b2', { build: 'b2', at: 1000 }, 1000 + RELOAD_RETRY_MS - 1)).toBe(false);
    expect(shouldReload('b2', { build: 'b2', at: 1000 }, 1000 + RELOAD_RETRY_MS)).toBe(true);
    expect(shouldReload('b3', { build: 'b2', at: 1000 }, 1001)).toBe(true);
  });
  it('reads a saved attempt defensively', () => {
    expect(parseAttempt('{"build":"b2","at":5}')).toEqual({ build: 'b2', at: 5 });
    expect(parseAttempt('nonsense')).toBeNull();
    expect(parseAttempt('{"build":1}')).toBeNull();
    expect(parseAttempt(null)).toBeNull();
  });
});

describe('sparkline', () => {
  it('scales values into the box with y growing downwards, clamping outliers', () => {
    expect(sparklinePoints([0, 50, 100, 150], 30, 10)).toBe('0,10 10,5 20,0 30,0');
    expect(sparklinePoints([40], 30, 10)).toBe('30,6');
    expect(sparklinePoints([], 30, 10)).toBe('');
  });
  it('measures the trend from first to last', () => {
    expect(trend([10, 30, 25])).toBe(15);
    expect(trend([10])).toBe(0);
  });
});

describe('gauge geometry', () => {
  it('runs from the left end at 0 over the top at 50 to the right end at 100', () => {
    expect(gaugePoint(0, 10, 50, 50)).toEqual({ x: 40, y: 50 });
    expect(gaugePoint(50, 10, 50, 50)).toEqual({ x: 50, y: 40 });
    expect(gaugePoint(100, 10, 50, 50)).toEqual({ x: 60, y: 50 });
    expect(gaugePoint(250, 10, 50, 50)).toEqual({ x: 60, y: 50 });
  });
  it('draws an arc between two values', () => {
    expect(gaugeArc(0, 100, 10, 50, 50)).toBe('M 40 50 A 10 10 0 0 1 60 50');
  });
});
