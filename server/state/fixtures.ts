/**
 * Builders for the state tests: small, readable extractions in our own words.
 * (Not a test file itself; kept pure like the rest of server/state.)
 */
import type { Extraction, MeetingMention, TensionSignal, TroopMention } from '../../shared/extraction.js';
import { emptyExtraction } from '../../shared/extraction.js';

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
