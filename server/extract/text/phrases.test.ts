/** Phrase lookup by word ids: the same answers as comparing the words, whenever the list was compiled. */
import { describe, expect, it } from 'vitest';
import { PhraseIndex, phraseSet } from './phrases.js';
import { tokenize } from './tokens.js';

describe('phrase index', () => {
  it('finds the longest phrase at a token, lower-cased or as written', () => {
    const tokens = tokenize('The Quorn envoys held TALKS in the US’s capital');
    const cues = phraseSet(['held', 'held talks', 'held talks in private']);
    expect(cues.at(tokens, 3)?.length).toBe(2);
    expect(cues.at(tokens, 3, 4)?.length).toBe(1);
    const names = new PhraseIndex<string>([['US', 'United States']], true);
    expect(names.at(tokens, 7)?.value).toBe('United States');
    expect(names.starts(tokens[6])).toBe(false); // "the" is not "US"
    expect(phraseSet(["the US's"]).at(tokens, 6)?.length).toBe(3); // ’ reads as '
  });
  it('matches a name as written whatever its apostrophe, and not in another case', () => {
    const names = new PhraseIndex<number>([['Ana O’Neill', 1]], true);
    expect(names.at(tokenize("Ana O'Neill met"), 0)?.length).toBe(2);
    expect(names.at(tokenize('Ana O’Neill met'), 0)?.length).toBe(2);
    expect(names.at(tokenize('ana o’neill met'), 0)).toBeNull();
  });
  it('finds words of a list compiled after the tokens were made', () => {
    const tokens = tokenize('Envoys of Zwembria and Quellor met');
    const late = new PhraseIndex<number>([
      ['Zwembria', 1],
      ['Quellor met', 2],
    ]);
    expect(late.at(tokens, 2)?.value).toBe(1);
    expect(late.at(tokens, 4)?.value).toBe(2);
    expect(late.starts(tokens[3])).toBe(false);
  });
});
