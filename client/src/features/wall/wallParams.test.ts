import { describe, expect, it } from 'vitest';
import { MAX_CLOCKS, parseClockList, parseWallParams } from './wallParams.js';

describe('parseWallParams', () => {
  it('shows every panel on one page by default', () => {
    expect(parseWallParams('')).toEqual({
      pages: [['tension', 'troops', 'meetings']],
      strips: { clocks: true, ticker: true },
      rotateSeconds: null,
      clocks: null,
      verifiedOnly: false,
    });
  });
  it('shows verified figures only with ?verified=1', () => {
    expect(parseWallParams('?verified=1').verifiedOnly).toBe(true);
    expect(parseWallParams('?verified=0').verifiedOnly).toBe(false);
  });
  it('keeps only the chosen panels, in the given order, ignoring unknown and repeated names', () => {
    const p = parseWallParams('?panels=meetings,bogus,Tension,meetings');
    expect(p.pages).toEqual([['meetings', 'tension']]);
    expect(p.strips).toEqual({ clocks: false, ticker: false });
  });
  it('splits pages on | and rotates through them', () => {
    const p = parseWallParams(`?panels=${encodeURIComponent('tension,troops,clocks|meetings,ticker')}&rotate=30`);
    expect(p.pages).toEqual([['tension', 'troops'], ['meetings']]);
    expect(p.strips).toEqual({ clocks: true, ticker: true });
    expect(p.rotateSeconds).toBe(30);
  });
  it('rotates one panel at a time when a single page is asked to rotate', () => {
    const p = parseWallParams('?rotate=20');
    expect(p.pages).toEqual([['tension'], ['troops'], ['meetings']]);
    expect(p.rotateSeconds).toBe(20);
  });
  it('clamps the rotation period and ignores nonsense', () => {
    expect(parseWallParams('?rotate=1').rotateSeconds).toBe(5);
    expect(parseWallParams('?rotate=99999').rotateSeconds).toBe(3600);
    expect(parseWallParams('?rotate=abc').rotateSeconds).toBeNull();
    expect(parseWallParams('?panels=troops&rotate=10').rotateSeconds).toBeNull();
  });
  it('falls back to the default wall rather than a blank one', () => {
    expect(parseWallParams('?panels=nothing').pages).toEqual([['tension', 'troops', 'meetings']]);
    expect(parseWallParams('?panels=ticker').pages).toEqual([[]]);
  });
  it('takes clocks from the URL', () => {
    expect(parseWallParams('?clocks=Kyiv=Europe/Kyiv,Tokyo=Asia/Tokyo').clocks).toEqual([
      { label: 'Kyiv', zone: 'Europe/Kyiv' },
      { label: 'Tokyo', zone: 'Asia/Tokyo' },
    ]);
  });
});

describe('parseClockList', () => {
  it('drops malformed pairs and bounds the list', () => {
    expect(parseClockList('Kyiv=Europe/Kyiv,broken,=UTC, Paris = Europe/Paris ')).toEqual([
      { label: 'Kyiv', zone: 'Europe/Kyiv' },
      { label: 'Paris', zone: 'Europe/Paris' },
    ]);
    expect(parseClockList(Array.from({ length: 20 }, (_, i) => `C${i}=UTC`).join(','))).toHaveLength(MAX_CLOCKS);
  });
});
