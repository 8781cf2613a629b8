import { describe, expect, it } from 'vitest';
import { formatCountdown, formatSpan } from './countdown.js';

const at = (iso: string): number => Date.parse(iso);

describe('formatCountdown', () => {
  it('reads days and zero-padded hours before a dated meeting', () => {
    expect(formatCountdown('2022-01-21', at('2022-01-18T21:00:00Z'))).toEqual({ text: 'in 2 d 03 h', phase: 'future' });
  });
  it('switches to hours and minutes, then minutes, as the meeting nears', () => {
    expect(formatCountdown('2022-01-21', at('2022-01-20T20:55:00Z')).text).toBe('in 3 h 05 min');
    expect(formatCountdown('2022-01-21', at('2022-01-20T23:47:30Z')).text).toBe('in 13 min');
  });
  it('says today for the whole day of a date-only meeting', () => {
    expect(formatCountdown('2022-01-21', at('2022-01-21T00:00:00Z')).phase).toBe('today');
    expect(formatCountdown('2022-01-21', at('2022-01-21T23:59:00Z')).text).toBe('today');
  });
  it('says yesterday, then days ago, afterwards', () => {
    expect(formatCountdown('2022-01-21', at('2022-01-22T10:00:00Z'))).toEqual({ text: 'yesterday', phase: 'past' });
    expect(formatCountdown('2022-01-21', at('2022-01-25T10:00:00Z')).text).toBe('4 d ago');
  });
  it('counts down to a date-time to the minute', () => {
    expect(formatCountdown('2022-01-21T14:30:00Z', at('2022-01-21T12:00:00Z')).text).toBe('in 2 h 30 min');
    expect(formatCountdown('2022-01-21T14:30:00Z', at('2022-01-21T15:00:00Z')).text).toBe('now');
  });
  it('handles meetings without a usable date', () => {
    expect(formatCountdown(null, 0)).toEqual({ text: 'date to be set', phase: 'undated' });
    expect(formatCountdown('next week', 0).phase).toBe('undated');
  });
});

describe('formatSpan', () => {
  it('never reads zero minutes for a span still ahead', () => {
    expect(formatSpan(5_000)).toBe('1 min');
    expect(formatSpan(-5)).toBe('1 min');
  });
});
