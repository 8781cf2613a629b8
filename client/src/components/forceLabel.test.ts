import { describe, expect, it } from 'vitest';
import { forceLabel, forcesOf } from './forceLabel.js';

describe('force labels', () => {
  it('names whose forces and where, from the data', () => {
    expect(forceLabel('Russia', 'Ukraine')).toBe('Russia’s forces · Ukraine');
    expect(forceLabel('United States', '')).toBe('United States’ forces');
    expect(forceLabel('', 'Taiwan')).toBe('Forces (side not stated) · Taiwan');
    expect(forcesOf('  NATO ')).toBe('NATO’s forces');
  });
});
