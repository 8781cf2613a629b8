/** References back to a meeting already mentioned, on sentences of our own. */
import { describe, expect, it } from 'vitest';
import { readDoc } from '../index.js';
import { anaphoric, referring } from './references.js';
import { findTriggers } from './triggers.js';

const WED = '2022-01-19';

function at(text: string, words: string) {
  const doc = readDoc(text, WED);
  const s = doc.sentences[0];
  const t = findTriggers(doc, s).find((x) => x.words === words);
  if (!t) throw new Error(`no trigger ${words} in: ${text}`);
  return { doc, s, t };
}

describe('references back', () => {
  it('"the talks" and "their meeting" point back; "a meeting" and a verb do not', () => {
    const a = at('Officials said the talks were tense.', 'talks');
    expect(anaphoric(a.doc, a.s, a.t, false, false)).toBe(true);
    const b = at('Their meeting lasted an hour.', 'meeting');
    expect(anaphoric(b.doc, b.s, b.t, false, false)).toBe(true);
    const c = at('Ruiz proposed a meeting with Kral.', 'meeting with');
    expect(anaphoric(c.doc, c.s, c.t, false, false)).toBe(false);
    const d = at('The minister met Kral.', 'met');
    expect(anaphoric(d.doc, d.s, d.t, false, false)).toBe(false);
  });
  it('a meeting with a day of its own in its clause is a new one, even after "the"', () => {
    const a = at('The talks on Friday will be in Quito.', 'talks');
    expect(referring(a.doc, a.s, a.t)).toBe(true);
    expect(anaphoric(a.doc, a.s, a.t, false, true)).toBe(false);
  });
  it('a trigger naming again the event of the one before it is always one', () => {
    const a = at('Ruiz met Kral for a trilateral meeting.', 'trilateral meeting');
    expect(anaphoric(a.doc, a.s, a.t, true, false)).toBe(true);
  });
});
