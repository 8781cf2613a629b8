import { describe, expect, it } from 'vitest';
import type { Meeting, PublicTroops, TroopClaim } from '../../../../shared/state.js';
import { figureOf, verifiedMeetings, verifiedTroops } from './verifiedView.js';

const claim = (value: number, asOf: string, verification?: 'verified' | 'false'): TroopClaim => ({
  value,
  qualifier: 'about',
  hypothetical: false,
  reportId: `r${value}`,
  asOf,
  evidence: { text: '', start: 0, end: 0 },
  ...(verification ? { verification } : {}),
});

describe('the verified-only wall', () => {
  it('works the figure out from verified claims alone, by the fold rule', () => {
    const claims = [
      claim(100_000, '2022-01-19', 'verified'),
      claim(175_000, '2022-01-20'),
      claim(90_000, '2022-01-18', 'verified'),
    ];
    const troops: PublicTroops = {
      force: 'Russia',
      theatre: 'Ukraine',
      current: figureOf(claims),
      hypotheticals: [],
      history: [],
      others: [],
    };
    expect(troops.current?.value).toBe(175_000);
    const verified = verifiedTroops(troops);
    expect(verified.current).toMatchObject({ value: 100_000, low: 90_000, high: 100_000, asOf: '2022-01-19' });
    expect(verified.current?.claims).toHaveLength(2);
  });

  it('shows no figure when none is verified, and only verified meetings', () => {
    expect(figureOf([])).toBeNull();
    const m = (id: string, verification?: 'verified'): Meeting => ({
      id,
      participants: [],
      place: null,
      date: null,
      kind: 'call',
      status: 'scheduled',
      moved: false,
      sources: [],
      history: [],
      ...(verification ? { verification } : {}),
    });
    expect(verifiedMeetings([m('a'), m('b', 'verified')]).map((x) => x.id)).toEqual(['b']);
  });
});
