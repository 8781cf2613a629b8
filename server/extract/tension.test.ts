/** Tension direction on reports that mix calm and threats, in our own words. */
import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const delta = (text: string) => extract(text, '2024-03-06').tension.delta;

describe('tension direction', () => {
  it('lets the lead outweigh the background it recalls', () => {
    const calmNews =
      'The two armies agreed on Tuesday to a ceasefire along the whole front.\n' +
      'Both sides welcomed the truce.\n' +
      'Last year the border saw heavy shelling. Troops massed on both sides. Each accused the other of an attack.';
    expect(delta(calmNews)).toBeLessThan(0);
  });
  it('reads called-off talks as a sign of tension, not of calm', () => {
    expect(delta('President Ruiz cancelled the meeting with Kral. The summit will not take place.')).toBeGreaterThan(0);
  });
  it('gives a quoted hope half the weight of what happened', () => {
    const [quoted] = extract('Kral said: "We are optimistic." Then shelling resumed along the line.', '2024-03-06')
      .tension.signals;
    const [plain] = extract('Kral was optimistic. Then shelling resumed along the line.', '2024-03-06').tension.signals;
    expect(quoted.weight).toBeCloseTo(plain.weight / 2, 5);
  });
  it('adds up to the sum of its signals, each weighted where it stands', () => {
    const ex = extract('Troops massed. Talks stalled.\nLater a truce was agreed.', '2024-03-06');
    expect(ex.tension.delta).toBeCloseTo(
      ex.tension.signals.reduce((s, x) => s + x.weight, 0),
      5,
    );
  });
});
