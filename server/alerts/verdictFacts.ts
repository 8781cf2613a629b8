/**
 * Pure: what a verdict of `false` took off the wall, as the follow-ups name facts
 * (server/alerts/facts.ts). A report judged false is one `report` change (every alert resting on
 * any of its facts hears of it); a fact judged false is that troop figure or meeting as the wall
 * showed it (corrections' sets applied), gone. Facts already rejected by a correction were not on
 * the wall and are left out.
 */
import type { Correction } from '../../shared/corrections.js';
import type { Extraction, MeetingMention, TroopMention } from '../../shared/extraction.js';
import type { FactRef, VerificationStatus } from '../../shared/verification.js';
import { applyCorrections } from '../state/index.js';
import type { FactChange } from './facts.js';

/** What the verdict withdrew: the facts newly judged false, or the whole report. */
export type Withdrawn = { facts: FactRef[]; report: { before: VerificationStatus } | null };

export function verdictChanges(
  original: Extraction,
  corrections: readonly Correction[],
  withdrawn: Withdrawn,
): FactChange[] {
  if (withdrawn.report) return [{ kind: 'report', before: { verification: withdrawn.report.before }, after: null }];
  const rejected = (kind: FactRef['kind'], index: number) =>
    corrections.some(
      (c) =>
        (kind === 'troops' && c.kind === 'troop.reject' && c.index === index) ||
        (kind === 'meetings' && c.kind === 'meeting.reject' && c.index === index),
    );
  const shown = applyCorrections(
    original,
    corrections.filter((c) => c.kind !== 'troop.reject' && c.kind !== 'meeting.reject'),
  );
  const changes: FactChange[] = [];
  for (const { kind, index } of withdrawn.facts) {
    const item = shown[kind][index];
    if (!item || rejected(kind, index)) continue;
    changes.push(
      kind === 'troops'
        ? { kind: 'troop', before: item as TroopMention, after: null }
        : { kind: 'meeting', before: item as MeetingMention, after: null },
    );
  }
  return changes;
}
