/**
 * The steps of a meeting, one at a time, on sentences of our own: trigger, seats, place, day,
 * kind and status. Each test runs its step on a report read by readDoc() and a trigger found by
 * step 1, so a failing test names the step that broke.
 */
import { describe, expect, it } from 'vitest';
import type { Doc } from '../doc.js';
import { extract, readDoc } from '../index.js';
import { clauseAround } from '../text/clauses.js';
import { assembleMentions } from './assemble.js';
import { dayOf, meetingDates } from './day.js';
import { kindOf } from './kind.js';
import { quoteRanges, seatsAt } from './participants.js';
import { placeOf } from './place.js';
import { statusOf } from './status.js';
import { findTriggers } from './triggers.js';
import type { Trigger } from './types.js';

const WED = '2022-01-19'; // a Wednesday

/** The report, its first trigger whose words are `words` (the first trigger when none given), and the clause around it. */
function step(text: string, words?: string, dateline = WED) {
  const doc = readDoc(text, dateline);
  for (const s of doc.sentences) {
    const triggers = findTriggers(doc, s);
    const t = triggers.find((x) => words === undefined || x.words === words);
    if (!t) continue;
    const [c0, c1] = clauseAround(doc.clauses[s.index], s.t1, t.i);
    return { doc, s, t, c0, c1, triggers };
  }
  throw new Error(`no trigger ${words ?? ''} in: ${text}`);
}
const triggerWords = (text: string): string[] => {
  const doc = readDoc(text, WED);
  return doc.sentences.flatMap((s) => findTriggers(doc, s).map((t: Trigger) => t.words));
};
const seats = (text: string, words?: string) => {
  const { doc, s, t, c0, c1 } = step(text, words);
  return seatsAt(doc, s, t, c0, c1, quoteRanges(doc.tokens, s)).names;
};
const place = (text: string, words?: string) => {
  const { doc, s, t, c0, c1, triggers } = step(text, words);
  // The trigger's own words end where the next trigger of its clause starts, as in assemble.ts.
  const next = triggers.find((x) => x.i > t.i && x.i < c1);
  return placeOf(doc, s, t, c0, c1, next ? next.i : c1);
};
const day = (text: string, words?: string, dateline = WED) => {
  const { doc, s, t, c0, c1, triggers } = step(text, words, dateline);
  const memory = { lastDay: null, dayAt: () => null };
  return dayOf(doc, s, t, c0, c1, c1, triggers, meetingDates(doc, s), memory).date;
};
const kind = (text: string, words?: string) => {
  const { doc, s, t, c0, c1 } = step(text, words);
  return kindOf(doc, t, c0, c1, seatsAt(doc, s, t, c0, c1, [])).kind;
};
const status = (text: string, words?: string, date: string | null = null) => {
  const { doc, s, t, c0, c1 }: { doc: Doc; s: (typeof doc.sentences)[number]; t: Trigger; c0: number; c1: number } =
    step(text, words);
  return statusOf(doc, t, c0, c1, s.t1, date, doc.tense[s.index]);
};

describe('step 1: trigger', () => {
  it('finds the words that introduce a meeting', () => {
    expect(triggerWords('Ruiz will hold talks with Kral, then fly to Quito for a summit.')).toEqual([
      'hold talks',
      'fly to',
      'summit',
    ]);
  });
  it('drops a negated meeting, a verb of another sense, a statement and a topic', () => {
    expect(triggerWords('The two leaders have not met since 2019.')).toEqual([]);
    expect(triggerWords('The bloc calls for restraint and would be met with force.')).toEqual([]);
    expect(triggerWords('Minister Ana Ruiz spoke to reporters in Lima.')).toEqual([]);
    expect(triggerWords('A new assault threatened truce talks.')).toEqual([]);
    expect(triggerWords('A summit between Peru and Chile is not on the agenda.')).toEqual([]);
  });
  it('takes "called" for naming, not phoning, after "what" or before a country\'s thing', () => {
    expect(triggerWords("Ruiz said she would ignore what she called Chile's bluster.")).toEqual([]);
    expect(triggerWords("Ruiz called Chile's offer a trap.")).toEqual([]);
    expect(triggerWords('President Ana Ruiz called Chile on Monday.')).toEqual(['called']);
  });
  it('takes "called" and "hosted" only with a person or a country after them', () => {
    expect(triggerWords('President Ana Ruiz called Prime Minister Tomas Kral on Monday.')).toEqual(['called']);
    expect(triggerWords("President Ana Ruiz called Tomas Kral's plan reckless.")).toEqual([]);
    expect(triggerWords('The ministry welcomed the decision.')).toEqual([]);
  });
  it('takes a summary of several meetings ("a week of intense talks") for none, but "ten days of talks" for one', () => {
    expect(triggerWords('It follows a week of intense diplomatic talks between Peru and Chile.')).toEqual([]);
    expect(triggerWords('It opens a string of meetings in three capitals.')).toEqual([]);
    expect(triggerWords('Peru and Chile agreed after ten days of talks.')).toEqual(['talks']);
  });
  it('takes a post ("ambassador to the Conference on ...") for no meeting', () => {
    expect(triggerWords('The officials met at the home of the ambassador to the Conference on Trade.')).toEqual([
      'met',
    ]);
  });
  it('takes appeals answered or growing ("rejected those calls", "amid calls") for no telephone call', () => {
    expect(triggerWords('Lima has flatly rejected those calls.')).toEqual([]);
    expect(triggerWords('The vote comes amid growing calls for a truce.')).toEqual([]);
    expect(triggerWords('Ruiz rejected the plan in calls with Kral on Monday.')).toEqual(['calls']);
  });
  it('takes neither "called on" nor a stance ("open to dialogue") for a meeting', () => {
    expect(triggerWords('President Ana Ruiz called on both sides to stop.')).toEqual([]);
    expect(triggerWords('Kral said he remained open to dialogue with Lima.')).toEqual([]);
  });
  it('takes a visit named as a noun only with a day after it', () => {
    expect(triggerWords("Ana Ruiz's visit to Quito angered Lima.")).toEqual([]);
    expect(triggerWords("Ana Ruiz's visit to Quito on Friday angered Lima.")).toEqual(['visit']);
  });
});

describe('step 2: seats', () => {
  it('seats the people named, not the countries behind their long titles', () => {
    expect(
      seats('First Deputy Foreign Minister Ana Ruiz of Peru met Deputy Defence Minister Tomas Kral of Chile.'),
    ).toEqual(['Ana Ruiz', 'Tomas Kral']);
  });
  it('narrows "between X and Y" to the two sides (an unnamed counterpart is his country), and falls back to the clause when they name no one', () => {
    expect(
      seats(
        'A meeting between Peru’s Foreign Minister Ana Ruiz and her Chilean counterpart on the sidelines of an OAS summit was cancelled.',
        'meeting',
      ),
    ).toEqual(['Ana Ruiz', 'Chile']);
    expect(seats('Peru and Chile delayed talks between their army chiefs.')).toEqual(['Peru', 'Chile']);
  });
  it('leaves out a country that is a topic or a target, and a nationality that names no side', () => {
    expect(seats('Ruiz and Kral held talks on Bolivia.')).toEqual(['Ruiz', 'Kral']);
    expect(seats('Peru and Chile met to discuss the invasion of Bolivia.')).toEqual(['Peru', 'Chile']);
    expect(seats('Peruvian and Chilean negotiators met in Quito.')).toEqual(['Peru', 'Chile']);
  });
  it('seats no piece of a name: no "Nations", "Strip" or "Office", no building', () => {
    expect(seats('Envoys of the United Nations met officials of the Executive Office in the Gaza Strip.')).toEqual([
      'United Nations',
    ]);
    expect(seats('Ana Ruiz met Tomas Kral at the Jorge Basadre Memorial Center in Lima.')).toEqual([
      'Ana Ruiz',
      'Tomas Kral',
    ]);
  });
  it('seats those the main clause names at the session an opening clause names', () => {
    expect(seats('During a session of the OSCE in Vienna, Minister Ana Ruiz and Minister Tomas Kral clashed.')).toEqual(
      ['OSCE', 'Ana Ruiz', 'Tomas Kral'],
    );
  });
  it('seats the sides of advisers, not the leaders they advise', () => {
    expect(seats('Advisers to President Ana Ruiz of Peru and Tomas Kral met in Quito.')).not.toContain('Ana Ruiz');
  });
});

describe('step 3: place', () => {
  it('takes the first place after the trigger, across a known city or not', () => {
    expect(place('Ruiz met Kral in Quito on Monday.')).toBe('Quito');
    expect(place('Ruiz met Kral in Arequipa on Monday.')).toBe('Arequipa');
    expect(place('Ruiz will meet Kral on the island of St. Lucia.')).toBe('St. Lucia');
  });
  it('does not take a topic for a place, nor a place a relative clause took', () => {
    expect(place('Ruiz and Kral held talks on the Essequibo dispute.')).toBeNull();
    expect(place('Ruiz and Kral will meet, hoping the talks can calm the border in Kashmir.', 'meet')).toBeNull();
  });
  it('takes the building named, or the capital of a seat of government', () => {
    expect(place('Secretary Ana Ruiz welcomed Minister Tomas Kral to the Pentagon on Tuesday.')).toBe('Pentagon');
    expect(place('Ruiz met Kral at the Kremlin.')).toBe('Moscow');
  });
});

describe('step 4: day', () => {
  it('resolves a weekday by tense against the dateline', () => {
    expect(day('Ruiz will meet Kral on Friday.')).toBe('2022-01-21');
    expect(day('Ruiz met Kral on Tuesday.')).toBe('2022-01-18');
  });
  it('never takes the day of the dateline written at the top of the report', () => {
    expect(day('Lima 18.01.2022 Minister Ana Ruiz visited Quito to see Tomas Kral.', 'visited')).toBeNull();
  });
  it('never takes the day of a statement', () => {
    expect(day('Ruiz will meet Kral in Quito, her office said on Tuesday.')).toBeNull();
  });
  it('leaves the day of the next trigger to it', () => {
    expect(day('Ruiz will meet Kral and then fly to Quito for talks on Friday.', 'meet')).toBeNull();
  });
  it('counts "a day after" and "Two days after Quito," from the day it points to', () => {
    expect(day('Ruiz came a day after meeting Kral.', 'meeting')).toBe('2022-01-18');
  });
  it('gives a host event the day of the side meeting it hosts, unless that day is only the earliest possible', () => {
    const hostDay = (text: string) => extract(text, WED).meetings.find((m) => m.participants.includes('NATO'))?.date;
    expect(
      hostDay(
        'President Ana Ruiz has called off a meeting with Prime Minister Tomas Kral that was due on Friday on the sidelines of a NATO summit in Vilnius.',
      ),
    ).toBe('2022-01-21');
    expect(
      hostDay(
        'President Ana Ruiz and Prime Minister Tomas Kral had been expected to meet as early as Friday on the sidelines of the NATO summit in Vilnius.',
      ),
    ).toBeNull();
  });
});

describe('step 5: kind', () => {
  it('reads a call, a video link, a body at the table and three sides', () => {
    expect(kind('Ruiz spoke by phone with Kral.')).toBe('call');
    expect(kind('Ruiz held a video conference with Kral.')).toBe('video');
    expect(kind('Ruiz met NATO envoys in Brussels.')).toBe('multilateral');
    expect(kind('Peru, Chile and Bolivia met in Quito.')).toBe('multilateral');
    expect(kind('Ruiz met Kral in Quito.')).toBe('in-person');
  });
});

describe('step 6: status', () => {
  it('reads held and scheduled from tense, and the day when tense is silent', () => {
    expect(status('Ruiz met Kral.')).toBe('held');
    expect(status('Ruiz will meet Kral.')).toBe('scheduled');
    expect(status('Talks between Ruiz and Kral, Friday.', 'talks', '2022-01-21')).toBe('scheduled');
  });
  it('reads a meeting held on the dateline itself as held, one set for it as scheduled', () => {
    expect(status('Ruiz met Kral on Wednesday.', 'met', WED)).toBe('held');
    expect(status('Ruiz is to meet Kral on Wednesday.', 'meet', WED)).toBe('scheduled');
  });
  it('reads a called-off meeting as cancelled and an offered one as proposed', () => {
    expect(status('The meeting between Ruiz and Kral was called off.', 'meeting')).toBe('cancelled');
    expect(status('Ruiz offered to host talks with Kral.', 'host')).toBe('proposed');
    expect(status('Ruiz did not rule out travelling to Quito to meet Kral.', 'meet')).toBe('proposed');
  });
});

describe('one side', () => {
  it("is no meeting: a person arriving with his own country's officials meets no one yet", () => {
    expect(
      extract('Peruvian Minister Ana Ruiz and other Peruvian officials arrived in the evening for a meeting.', WED)
        .meetings,
    ).toEqual([]);
  });
  it('gives a name no nationality across the verb that seats it opposite another', () => {
    const ms = extract('The Peruvian official held talks with Minister Ida Lund on Tuesday.', WED).meetings;
    expect(ms[0]?.participants).toEqual(['Ida Lund', 'Peru']);
  });
});

describe('a reference back', () => {
  it('"the call" is one even when its sentence opens with another clause that has a day, and folds into the call', () => {
    const text =
      'After meetings in Quito, where Minister Ana Ruiz held talks with Minister Tomas Kral, Ruiz called Minister Ida Lund on Tuesday to reassure her, according to an aide with knowledge of the call.';
    const doc = readDoc(text, WED);
    const call = assembleMentions(doc).find((m) => text.slice(m.start, m.end) === 'call');
    expect(call?.anaphoric).toBe(true);
    expect(extract(text, WED).meetings.map((m) => m.kind)).toEqual(['in-person', 'call']);
  });
  it('is made by a noun with "the" ("the talks"), never by a verb whose subject has one', () => {
    const ms = extract(
      'Minister Ana Ruiz met Minister Tomas Kral in Quito on Monday. The Peruvian official held talks with Minister Ida Lund on Tuesday.',
      WED,
    ).meetings;
    expect(ms).toHaveLength(2);
    expect(ms[1]).toMatchObject({ date: '2022-01-18', participants: expect.arrayContaining(['Ida Lund']) });
  });
});

describe('a collective', () => {
  it('"the sides" who agree to meet again are those that met, not those of a meeting only proposed', () => {
    const ms = extract(
      'Peruvian and Chilean negotiators held talks in Quito on Monday. Lima proposed a meeting between Presidents Ana Ruiz and Tomas Kral. The sides agreed to meet again.',
      WED,
    ).meetings;
    expect(ms.map((m) => m.participants)).toEqual([
      ['Peru', 'Chile'],
      ['Ana Ruiz', 'Tomas Kral'],
      ['Peru', 'Chile'],
    ]);
  });
  it('"between the two diplomats" seats the two people met before, not whoever else the clause names', () => {
    const ms = extract(
      'Minister Ana Ruiz was meeting with Minister Tomas Kral in Quito on Sunday. Those talks come ahead of a wider discussion between the two diplomats and Peruvian officials starting Monday.',
      WED,
    ).meetings;
    expect(ms[1]).toMatchObject({ date: '2022-01-24', status: 'scheduled' });
    expect(ms[1].participants).toEqual(expect.arrayContaining(['Ana Ruiz', 'Tomas Kral']));
  });
});

describe('members', () => {
  it('seats the members a group at the table is said to include', () => {
    const ms = extract(
      'Minister Ana Ruiz will hold a meeting with Minister Tomas Kral, and with the Transatlantic Quad, which includes Britain and France.',
      WED,
    ).meetings;
    expect(ms[1].participants).toEqual(['Ana Ruiz', 'Transatlantic Quad', 'United Kingdom', 'France']);
  });
  it('seats the members a meeting is said to include', () => {
    const ms = extract(
      'Peru and Chile held a meeting, which included Bolivia and Ecuador, in Quito on Monday.',
      WED,
    ).meetings;
    expect(ms[0].participants).toEqual(expect.arrayContaining(['Peru', 'Chile', 'Bolivia', 'Ecuador']));
  });
  it('reads the whole list of members, and the day the clause gives after the aside', () => {
    const ms = extract(
      'A session of the Transatlantic Quad, which brings together Peru, Chile and the OSCE, had been set for Friday but was called off.',
      WED,
    ).meetings;
    expect(ms).toEqual([
      expect.objectContaining({
        participants: ['Transatlantic Quad', 'Peru', 'Chile', 'OSCE'],
        date: '2022-01-21',
        status: 'cancelled',
      }),
    ]);
  });
});
