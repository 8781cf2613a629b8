import { describe, expect, it } from 'vitest';
import { canonicalName, pairKey, participantKey } from './names.js';

describe('participant keys', () => {
  it('reduces people to their surname and countries to one canonical key', () => {
    expect(['Antony Blinken', 'Blinken', "Blinken's team", 'Secretary Blinken'].map(participantKey)).toEqual(
      Array(4).fill('blinken'),
    );
    expect(
      ['US', 'U.S.', 'United States', 'Washington', 'the White House', 'American officials'].map(participantKey),
    ).toEqual(Array(6).fill('united states'));
    expect(['the Russian delegation', "Russia's envoy", 'Kremlin'].map(participantKey)).toEqual(
      Array(3).fill('russia'),
    );
  });

  it('gives canonical names for actor pairs, sorted', () => {
    expect(canonicalName('Kyiv')).toBe('Ukraine');
    expect(canonicalName('Somewhere Else')).toBe('Somewhere Else');
    expect(pairKey(['Moscow', 'Washington'])).toBe('Russia|United States');
    expect(pairKey(['Moscow', 'Kremlin'])).toBeNull();
    expect(pairKey(undefined)).toBeNull();
  });
});
