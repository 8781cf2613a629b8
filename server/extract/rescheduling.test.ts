/**
 * Rules found with the blind set (test/blind): meetings moved in time or place, and bare
 * surnames at a meeting's table. Texts are our own, about invented or other people.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const TUE = '2026-11-24'; // a Tuesday
const meetingsOf = (text: string, dateline = TUE) => extract(text, dateline).meetings;

describe('rescheduled meetings', () => {
  it('reads "postponed to next Monday" as scheduled on the new day, and "between A and B" as its participants', () => {
    const ms = meetingsOf(
      'The meeting between Blinken and Lavrov in Geneva has been postponed to next Monday, officials said.',
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({
      participants: ['Blinken', 'Lavrov'],
      place: 'Geneva',
      date: '2026-11-30',
      kind: 'in-person',
      status: 'scheduled',
    });
  });
  it('takes the new day, not the one first planned, and resolves it forwards even after a past-tense aside', () => {
    const [m] = meetingsOf(
      'A phone call between Prime Minister Ida Lund and President Omar Saleh, which had been expected on Wednesday, was pushed back to Friday.',
    );
    expect(m).toMatchObject({ kind: 'call', date: '2026-11-27', status: 'scheduled' });
  });
  it("moves a meeting to the week after when the new weekday is the dateline's own", () => {
    const [m] = meetingsOf(
      'Talks between Foreign Minister Ida Lund and Foreign Minister Omar Saleh were delayed until Tuesday.',
    );
    expect(m).toMatchObject({ date: '2026-12-01', status: 'scheduled' });
  });
  it('keeps "postponed" with no new day as cancelled (the contract has no postponed status)', () => {
    const [m] = meetingsOf(
      'A meeting between Prime Minister Ida Lund and President Omar Saleh has been postponed, with no new date set.',
    );
    expect(m).toMatchObject({ status: 'cancelled', date: null });
  });
  it('reads "rescheduled for next week" as scheduled with no day', () => {
    const [m] = meetingsOf(
      'Talks between President Ana Ruiz and Prime Minister Tomas Kral, first set for Thursday, have been rescheduled for next week.',
    );
    expect(m).toMatchObject({ status: 'scheduled', date: null });
  });
  it('takes the new place and day of "moved to Vienna and will now be held on Thursday"', () => {
    const [m] = meetingsOf(
      'A session of the OSCE with Russia has been moved to Vienna from Warsaw and will now be held on Thursday, a spokesperson said.',
    );
    expect(m).toMatchObject({ place: 'Vienna', date: '2026-11-26', status: 'scheduled' });
  });
});

describe('people at the table', () => {
  it('reads a bare surname after "meet" or "between ... and" as a person, not as the report\'s two main countries', () => {
    const text =
      'Russia and Ukraine traded fire again. Vice President Dana Holm is to meet Varga in Munich on Saturday. A meeting between Prime Minister Ivo Dal and Petrov was called off.';
    const ms = meetingsOf(text);
    expect(ms.find((m) => m.place === 'Munich')?.participants).toEqual(['Dana Holm', 'Varga']);
    expect(ms.find((m) => m.status === 'cancelled')?.participants).toEqual(['Ivo Dal', 'Petrov']);
  });
  it('splits "the Lund-Saleh call" into the two people the report names in full', () => {
    const ms = meetingsOf(
      'Lund-Saleh call slips to Thursday\n\nA telephone call between Prime Minister Ida Lund and President Omar Saleh has been postponed to Thursday.',
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({
      participants: ['Ida Lund', 'Omar Saleh'],
      date: '2026-11-26',
      kind: 'call',
      status: 'scheduled',
    });
  });
});
