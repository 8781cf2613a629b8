/**
 * Step 2a on sentences of our own: a person who only reports a meeting, or briefs on it, has no
 * seat at it; a speaker who speaks of himself keeps his.
 */
import { describe, expect, it } from 'vitest';
import { extract, readDoc } from '../index.js';
import { reportsOnly } from './speakers.js';
import { findTriggers } from './triggers.js';

const WED = '2022-01-19';
/** Whether the person named `name` only reports the meeting of the trigger `words`. */
function speakerOnly(text: string, name: string, words: string): boolean {
  const doc = readDoc(text, WED);
  const s = doc.sentences[0];
  const t = findTriggers(doc, s).find((x) => x.words === words);
  const p = doc.peopleIn[0].find((x) => x.person.name === name);
  if (!t || !p) throw new Error(`no trigger ${words} or no ${name} in: ${text}`);
  return reportsOnly(doc, s, p, t);
}
const seatsOf = (text: string): string[][] => extract(text, WED).meetings.map((m) => m.participants);

describe('step 2a: speakers', () => {
  it('leaves out whoever announces that others will meet', () => {
    expect(seatsOf('Spokeswoman Lena Ortiz later announced that Ana Ruiz will meet Tomas Kral in Quito.')).toEqual([
      ['Ana Ruiz', 'Tomas Kral'],
    ]);
  });
  it('takes a speaker behind a closed aside for one who only reports, when the reported clause has its own subject', () => {
    const text = 'Pablo Mena, who chaired the session, said the sides had agreed to meet again.';
    expect(speakerOnly(text, 'Pablo Mena', 'meet')).toBe(true);
    expect(
      speakerOnly('Pablo Mena, who chaired the session, said he would meet them again.', 'Pablo Mena', 'meet'),
    ).toBe(false);
  });
  it('keeps the speaker for a trigger outside what was reported', () => {
    const text = 'Ana Ruiz told Tomas Kral that Lima would stand firm, in a call ahead of talks with Quito.';
    expect(speakerOnly(text, 'Ana Ruiz', 'talks')).toBe(false);
  });
  it('keeps a speaker who speaks of himself', () => {
    expect(seatsOf('Ana Ruiz said she will meet Tomas Kral in Quito on Friday.')).toEqual([['Ana Ruiz', 'Tomas Kral']]);
  });
  it('keeps the one who tells, when "told" only names to whom it was said', () => {
    expect(seatsOf('Ana Ruiz told Tomas Kral that she would meet him in Quito on Friday.').flat()).toContain(
      'Ana Ruiz',
    );
  });
  it('seats no spokesperson who gives the readout of a call between two others', () => {
    expect(
      seatsOf(
        'In a phone call on Tuesday, Ana Ruiz and Tomas Kral discussed the border, spokesman Dario Pinto said in a readout.',
      ),
    ).toEqual([['Ana Ruiz', 'Tomas Kral']]);
  });
});
