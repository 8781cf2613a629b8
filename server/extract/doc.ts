/**
 * A report as the steps of extraction see it: its tokens, sentences and clauses, and what the
 * first steps found in each sentence (gazetteer names, people, dates, tense cues). Built once per
 * report (index.ts); every later step looks things up here instead of reading the text again.
 */
import type { Gazetteer } from './gazetteer/compile.js';
import type { GazMention } from './gazetteer/mentions.js';
import type { PersonMention } from './people/types.js';
import type { TenseHit } from './text/cues.js';
import type { DateMention, RefDate } from './text/dates.js';
import type { Sentence } from './text/sentences.js';
import type { Token } from './text/tokens.js';
import type { Budget } from './budget.js';

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Per sentence: the token indexes where its clauses start. */
  clauses: number[][];
  /** Per sentence: gazetteer mentions. */
  gaz: GazMention[][];
  /** Every person mention of the report, by token order. */
  people: PersonMention[];
  /** Per sentence: the person mentions inside it. */
  peopleIn: PersonMention[][];
  /** Per sentence: date phrases. */
  dates: DateMention[][];
  /** Per sentence: tense cues. */
  tense: TenseHit[][];
  ref: RefDate | null;
  refIso: string | null;
  gazetteer: Gazetteer;
  budget: Budget;
}
