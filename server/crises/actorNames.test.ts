import { describe, expect, it } from 'vitest';
import { actorLookup, gazetteerActors, readActors } from './actorNames.js';

describe('actor names from the gazetteer', () => {
  it('reads names, aliases and demonyms of the project gazetteer', () => {
    const russia = gazetteerActors.find((a) => a.name === 'Russia');
    expect(russia?.names).toEqual(expect.arrayContaining(['Russia', 'Kremlin', 'Moscow']));
    expect(russia?.demonyms).toEqual(expect.arrayContaining(['Russian']));
  });

  it('drops a leading article and aliases that are not proper names', () => {
    const [nato] = readActors([
      { name: 'NATO', kind: 'organization', aliases: ['the alliance', 'the Atlantic alliance', 'NATO'] },
    ]);
    expect(nato.names).toEqual(['NATO', 'Atlantic alliance']);
    expect(nato.demonyms).toEqual([]);
  });

  it('finds an actor by any of its names, whatever the case', () => {
    const find = actorLookup(gazetteerActors);
    expect(find('the Kremlin')?.name).toBe('Russia');
    expect(find('kyiv')?.name).toBe('Ukraine');
    expect(find('Atlantis')).toBeUndefined();
  });
});
