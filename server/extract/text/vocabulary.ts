/**
 * Word ids for phrase lookup (text/phrases.ts). Every word of every phrase list gets a small
 * integer id when its list is compiled, and each token reads the ids of its two forms once, as it
 * is made (text/tokens.ts). A phrase lookup then indexes an array and compares integers: the
 * report's words are hashed once each, not once per list that looks at them (there are dozens).
 * Only the lists add words, never a report's text, so the vocabulary stays bounded.
 */

const ids = new Map<string, number>();

/** The id of a word no phrase list holds. */
export const NO_WORD = 0;

/** The id of `word`, given it if it has none yet. */
export function addWord(word: string): number {
  let id = ids.get(word);
  if (id === undefined) {
    id = ids.size + 1;
    ids.set(word, id);
  }
  return id;
}

/** The id of `word`, or NO_WORD. */
export const wordId = (word: string): number => ids.get(word) ?? NO_WORD;

/** How many words the lists hold: it grows when a list with new words is compiled after a token was made. */
export const vocabularySize = (): number => ids.size;
