/** People of a report and the spans that refer to them. */

/** A person: full name as first written in full, nationality and role when the text states them. */
export interface Person {
  name: string;
  surname: string;
  affiliation?: string;
  title?: string;
  role?: string;
  /** Known only as a bare word at a meeting's table ("between Norland and Sudovia"): a side, perhaps not a person. */
  bare?: boolean;
}

/** Tokens [i, j) of the report that refer to a person. */
export interface PersonMention {
  i: number;
  j: number;
  start: number;
  end: number;
  person: Person;
}
