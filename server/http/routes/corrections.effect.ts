/**
 * Pure: what a correction changes, for validation and the audit trail. Indexes refer to the
 * ORIGINAL extraction (see shared/corrections.ts), so "before" is the item with the earlier
 * set-corrections applied and rejections ignored (rejections would shift the indexes).
 */
import type { Correction } from '../../../shared/corrections.js';
import type { Extraction } from '../../../shared/extraction.js';
import { applyCorrections } from '../../state/index.js';

export type CorrectionEffect = { before: unknown; after: unknown } | { error: string };

function stableView(original: Extraction, corrections: readonly Correction[]): Extraction {
  return applyCorrections(
    original,
    corrections.filter((c) => c.kind !== 'troop.reject' && c.kind !== 'meeting.reject'),
  );
}

/** The item before and after the correction, or an error a person can act on (an index out of range). */
export function correctionEffect(
  original: Extraction,
  earlier: readonly Correction[],
  correction: Correction,
): CorrectionEffect {
  const before = stableView(original, earlier);
  switch (correction.kind) {
    case 'troop.set':
    case 'troop.reject': {
      if (correction.index >= original.troops.length) {
        return {
          error: `index ${correction.index} is out of range: this report has ${original.troops.length} extracted troop figure(s)`,
        };
      }
      const item = before.troops[correction.index];
      if (correction.kind === 'troop.reject') return { before: item, after: null };
      return { before: item, after: stableView(original, [...earlier, correction]).troops[correction.index] };
    }
    case 'meeting.set':
    case 'meeting.reject': {
      if (correction.index >= original.meetings.length) {
        return {
          error: `index ${correction.index} is out of range: this report has ${original.meetings.length} extracted meeting(s)`,
        };
      }
      const item = before.meetings[correction.index];
      if (correction.kind === 'meeting.reject') return { before: item, after: null };
      return { before: item, after: stableView(original, [...earlier, correction]).meetings[correction.index] };
    }
    case 'troop.add':
      return { before: null, after: correction.troop };
    case 'meeting.add':
      return { before: null, after: correction.meeting };
  }
}
