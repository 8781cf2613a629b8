/**
 * Builders for the state tests: small, readable extractions in our own words.
 * (Not a test file itself; kept pure like the rest of server/state.)
 */
import type { Extraction, MeetingMention, TensionSignal, TroopMention } from '../../shared/extraction.js';
import { emptyExtraction } from '../../shared/extraction.js';
import { rng } from '../../test/helpers/rng.js';

const ev = (text: string): { text: string; start: number; end: number } => ({ text, start: 0, end: text.length });

/** A tension signal with evidence equal to its phrase. */
export function signal(phrase: string, weight: number, actors?: string[]): TensionSignal {
  return {
    phrase,
    weight,
    category: weight > 0 ? 'military posture' : 'talks',
    ...(actors ? { actors } : {}),
    evidence: ev(phrase),
  };
}

/** A troop claim. */
export function troop(value: number, extra: Partial<TroopMention> = {}): TroopMention {
  return { value, qualifier: 'about', hypothetical: false, evidence: ev(`${value} soldiers`), ...extra };
}

/** A meeting mention. */
export function meeting(participants: string[], extra: Partial<MeetingMention> = {}): MeetingMention {
  return {
    participants,
    place: null,
    date: null,
    kind: 'in-person',
    status: 'scheduled',
    evidence: ev(`${participants.join(' and ')} to meet`),
    ...extra,
  };
}

/** An extraction with the given parts. */
export function extraction(parts: {
  signals?: TensionSignal[];
  troops?: TroopMention[];
  meetings?: MeetingMention[];
}): Extraction {
  const e = emptyExtraction();
  const signals = parts.signals ?? [];
  return {
    ...e,
    troops: parts.troops ?? [],
    meetings: parts.meetings ?? [],
    tension: { delta: signals.reduce((s, x) => s + x.weight, 0), signals },
  };
}

const actors = ['Russia', 'Ukraine', 'United States', 'NATO', 'Belarus', 'Germany', 'France', 'China'];
const people = [
  'Anna Adler',
  'Boris Brandt',
  'Carla Costa',
  'Dmitri Dolan',
  'Eva Ek',
  'Farid Fox',
  'Greta Gray',
  'Hugo Hale',
];
const statuses = ['proposed', 'scheduled', 'held', 'cancelled'] as const;

/**
 * The i-th synthetic report of a busy crisis: ~100 reports a day, hash-like ids, a few
 * signals, sometimes a troop figure or a meeting, with quotes of realistic length.
 */
export function syntheticReport(i: number): { reportId: string; dateline: string; extraction: Extraction } {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const day = Math.floor(i / 100);
  const dateline = new Date(Date.UTC(2021, 10, 1) + day * 86_400_000 + Math.floor(r() * 86_400_000)).toISOString();
  const reportId = Array.from({ length: 5 }, () =>
    Math.floor(r() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const quote = (s: string): string =>
    `${s} — as the report went on to say at some length, quoting officials`.repeat(2);
  const signals = Array.from({ length: Math.floor(r() * 4) }, () =>
    signal(quote(`phrase ${Math.floor(r() * 50)}`), Math.round((r() * 10 - 4) * 10) / 10, [pick(actors), pick(actors)]),
  );
  const troops =
    r() < 0.3
      ? [
          troop(Math.round(80 + r() * 100) * 1000, {
            hypothetical: r() < 0.2,
            actor: pick(actors),
            evidence: ev(quote('troops')),
          }),
        ]
      : [];
  const meetingDate = new Date(Date.UTC(2021, 10, 1) + (day + Math.floor(r() * 10)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const meetings =
    r() < 0.2
      ? [
          meeting([pick(people), pick(people)], {
            date: r() < 0.8 ? meetingDate : null,
            place: pick(['Geneva', 'Vienna', null]),
            status: pick(statuses),
          }),
        ]
      : [];
  return { reportId, dateline, extraction: extraction({ signals, troops, meetings }) };
}
