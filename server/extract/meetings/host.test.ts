/** The host event of a side meeting, on sentences of our own. */
import { describe, expect, it } from 'vitest';
import { readDoc } from '../index.js';
import { clauseAround } from '../text/clauses.js';
import { hostMention, hostStart } from './host.js';
import { meetingDates } from './day.js';
import { findTriggers } from './triggers.js';
import type { Mention } from './types.js';

const WED = '2022-01-19';

/** The host event named by `words` in a one-sentence report, beside a side meeting dated `sideDate`. */
function host(text: string, words: string, sideDate: string | null) {
  const doc = readDoc(text, WED);
  const s = doc.sentences[0];
  const t = findTriggers(doc, s).find((x) => x.words === words)!;
  const from = hostStart(doc, t, s.t0);
  const side = { date: sideDate } as Mention;
  const clause = clauseAround(doc.clauses[0], s.t1, t.i) as [number, number];
  return { from, mention: from < 0 ? null : hostMention(doc, s, t, from, clause, meetingDates(doc, s), side) };
}

describe('host event', () => {
  it('is the bodies named between "on the sidelines of" and the trigger, a multilateral meeting in its place', () => {
    const { from, mention } = host(
      'Ruiz will meet Kral on the sidelines of a NATO summit in Vilnius.',
      'summit',
      '2022-01-21',
    );
    expect(from).toBeGreaterThan(0);
    expect(mention).toMatchObject({ participants: ['NATO'], place: 'Vilnius', kind: 'multilateral', bodyMeets: true });
  });
  it('takes the side meeting’s day unless that day was only the earliest possible', () => {
    expect(
      host('Ruiz will meet Kral on Friday on the sidelines of a NATO summit.', 'summit', '2022-01-21').mention?.date,
    ).toBe('2022-01-21');
    expect(
      host('Ruiz may meet Kral as early as Friday on the sidelines of a NATO summit.', 'summit', '2022-01-21').mention
        ?.date,
    ).toBeNull();
  });
  it('is none when no body is named, and none without "sidelines of"', () => {
    expect(host('Ruiz will meet Kral on the sidelines of a summit.', 'summit', null).mention).toBeNull();
    expect(host('Ruiz will attend a NATO summit.', 'summit', null).from).toBe(-1);
  });
});
