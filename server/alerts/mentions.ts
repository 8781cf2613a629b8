/**
 * Mention rules compiled once per subscription change, not per report. Each term becomes a
 * pattern made once (whole words, any case, Unicode-aware: "Kyiv" matches "Kyiv's" but "Iran"
 * not "Tirana") and the key of its first word; a report's text, title and entities are cut into
 * words once, whatever the number of subscriptions, and a term is only tried where its first word
 * occurs. A hundred subscriptions of fifty terms cost a hundred small lookups per report, not
 * five thousand regular expressions built and run over its text.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = /[\p{L}\p{N}]+/gu;
const STARTS_WITH_WORD = /^[\p{L}\p{N}]/u;
const key = (word: string) => word.toLowerCase();

export type CompiledTerm = {
  term: string;
  /** Its first word, lower case; null when the term starts with something else ("#Kyiv"). */
  first: string | null;
  /** The term at a given index (sticky), not followed by a letter or digit. */
  at: RegExp;
  /** The term anywhere, whole words only. */
  anywhere: RegExp;
};

/** Terms compiled per rule: the key is the rule's own `terms` array, which lives as long as the subscription is unchanged. */
const compiled = new WeakMap<readonly string[], CompiledTerm[]>();

export function compileTerms(terms: readonly string[]): CompiledTerm[] {
  let list = compiled.get(terms);
  if (list) return list;
  list = terms.map((raw) => {
    const term = raw.trim();
    const body = `${escape(term)}(?![\\p{L}\\p{N}])`;
    const firstWord = STARTS_WITH_WORD.test(term) ? /^[\p{L}\p{N}]+/u.exec(term)![0] : null;
    return {
      term: raw,
      first: firstWord === null ? null : key(firstWord),
      at: new RegExp(body, 'iuy'),
      anywhere: new RegExp(`(?<![\\p{L}\\p{N}])${body}`, 'iu'),
    };
  });
  compiled.set(terms, list);
  return list;
}

/** A text cut into words once: where each word (lower case) starts. */
export class WordIndex {
  private readonly starts = new Map<string, number[]>();

  constructor(readonly text: string) {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      const k = key(m[0]);
      const list = this.starts.get(k);
      if (list) list.push(m.index);
      else this.starts.set(k, [m.index]);
    }
  }

  /** Where the term first occurs as whole words, or -1. */
  find(t: CompiledTerm): number {
    if (t.first === null) return t.anywhere.exec(this.text)?.index ?? -1;
    for (const start of this.starts.get(t.first) ?? []) {
      t.at.lastIndex = start;
      if (t.at.test(this.text)) return start;
    }
    return -1;
  }

  /** The length of the term's match at `index` (a match found by find()). */
  lengthAt(t: CompiledTerm, index: number): number {
    t.at.lastIndex = index;
    return t.at.exec(this.text)?.[0].length ?? t.term.length;
  }
}

/** A report's words, made once per report for every mention rule judged on it. */
export type ReportWords = { text: WordIndex; title: WordIndex | null; entities: WordIndex[] };

export function reportWords(report: {
  text: string;
  title?: string;
  entities?: { people: string[]; places: string[]; organizations: string[] };
}): ReportWords {
  const entities = [
    ...(report.entities?.people ?? []),
    ...(report.entities?.places ?? []),
    ...(report.entities?.organizations ?? []),
  ];
  return {
    text: new WordIndex(report.text.replace(/\s+/g, ' ')),
    title: report.title ? new WordIndex(report.title) : null,
    entities: entities.map((e) => new WordIndex(e)),
  };
}
