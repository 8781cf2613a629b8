import { describe, expect, it } from 'vitest';
import { hasRules } from '../../shared/crisis.js';
import { actorLookup, gazetteerActors } from './actorNames.js';
import { sampleCrises } from './sampleCrises.js';

describe('sample crises', () => {
  const crises = sampleCrises();

  it('starts with Russia–Ukraine, its principal Russia at Ukraine', () => {
    expect(crises[0]).toMatchObject({
      slug: 'russia-ukraine',
      name: 'Russia–Ukraine',
      principal: { force: 'Russia', theatre: 'Ukraine' },
    });
    expect(crises.map((c) => c.slug)).toEqual([
      'russia-ukraine',
      'china-taiwan',
      'israel-gaza',
      'israel-iran',
      'india-pakistan',
      'armenia-azerbaijan',
      'korean-peninsula',
    ]);
  });

  it('is stable: the same dates on every call, increasing in the file’s order', () => {
    const dates = crises.map((c) => c.createdAt);
    expect(sampleCrises().map((c) => c.createdAt)).toEqual(dates);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('has rules everywhere, and principals among their own sides as the gazetteer names them', () => {
    const find = actorLookup(gazetteerActors);
    for (const c of crises) {
      expect(hasRules(c)).toBe(true);
      if (c.principal) {
        expect(c.actors).toContain(c.principal.force);
        expect(c.actors).toContain(c.principal.theatre);
        expect(find(c.principal.force)?.name).toBe(c.principal.force);
        expect(find(c.principal.theatre)?.name).toBe(c.principal.theatre);
      }
    }
  });

  it('names every side by the gazetteer', () => {
    const find = actorLookup(gazetteerActors);
    const unknown = crises.flatMap((c) => c.actors).filter((a) => !find(a));
    expect(unknown).toEqual([]);
  });
});
