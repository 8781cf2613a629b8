import { describe, expect, it } from 'vitest';
import { affiliations } from './affiliation.js';
import { splitWords } from './words.js';

/** Marks the words naming a country (a tiny stand-in for the router's phrase scan). */
function sidesOf(text: string, names: Record<string, string>) {
  const w = splitWords(text);
  const ends = new Map<number, string>();
  w.keys.forEach((k, i) => {
    const actor = names[k];
    if (actor) ends.set(i, actor);
  });
  return { w, ends };
}
const NAMES = { russian: 'Russia', ukraine: 'Ukraine', french: 'France' };

describe('affiliations', () => {
  it('reads the nationality standing before a title and name', () => {
    const { w, ends } = sidesOf('Talks opened with Russian Deputy Foreign Minister Pavel Dorin in the chair.', NAMES);
    expect(affiliations(w, ends, ['Pavel Dorin'])).toEqual(new Map([['Pavel Dorin', 'Russia']]));
  });

  it('reads a possessive country across a comma and a few lower-case words', () => {
    const { w, ends } = sidesOf('Ukraine’s chief negotiator, Defence Minister Oleh Marchuk, arrived late.', NAMES);
    expect(affiliations(w, ends, ['Oleh Marchuk']).get('Oleh Marchuk')).toBe('Ukraine');
  });

  it('reads through the dots of an acronym', () => {
    const w = splitWords('U.S. Secretary of State Jane Holt flew in.');
    const ends = new Map([[1, 'United States']]); // "U.S." ends on its second word
    expect(affiliations(w, ends, ['Jane Holt']).get('Jane Holt')).toBe('United States');
  });

  it('takes the nearest nationality, not one further back', () => {
    const { w, ends } = sidesOf('His Russian counterpart met French envoy Marc Aubert.', NAMES);
    expect(affiliations(w, ends, ['Marc Aubert']).get('Marc Aubert')).toBe('France');
  });

  it('does not reach into another sentence or clause', () => {
    const { w, ends } = sidesOf('Russian forces moved. Jane Holt said so.', NAMES);
    expect(affiliations(w, ends, ['Jane Holt']).size).toBe(0);
    const b = sidesOf('Russian troops have massed along the border, spokeswoman Jane Holt said.', NAMES);
    expect(affiliations(b.w, b.ends, ['Jane Holt']).size).toBe(0);
  });

  it('needs the surname capitalised in the text', () => {
    const { w, ends } = sidesOf('Russian wood was cheap.', NAMES);
    expect(affiliations(w, ends, ['Robert Wood']).size).toBe(0);
  });
});
