/** Step 4b on sentences of our own: a meeting that is where a statement was made takes the statement's day. */
import { describe, expect, it } from 'vitest';
import { extract } from '../index.js';

const WED = '2022-01-19';
const meetingsOf = (text: string) => extract(text, WED).meetings.map((m) => [m.participants, m.date]);

describe('step 4b: the day of a statement’s occasion', () => {
  it('dates a news conference at which the speaker spoke by the day he was said to speak', () => {
    expect(
      meetingsOf(
        'Minister Ana Ruiz said Tuesday that the border would stay shut. "We will not yield," Ruiz said at a news conference with Minister Tomas Kral.',
      ),
    ).toEqual([[['Ana Ruiz', 'Tomas Kral'], '2022-01-18']]);
  });
  it('dates a session during which someone asked a question by the report’s latest statement day', () => {
    const ms = extract(
      'The ministry said Monday that talks had stalled. During a NATO meeting, envoy Ana Ruiz asked for more time.',
      WED,
    ).meetings;
    expect(ms.find((m) => m.participants.includes('NATO'))?.date).toBe('2022-01-17');
  });
  it('leaves a meeting with no statement around it undated', () => {
    expect(meetingsOf('Minister Ana Ruiz held talks with Minister Tomas Kral in Quito.')).toEqual([
      [['Ana Ruiz', 'Tomas Kral'], null],
    ]);
  });
});
