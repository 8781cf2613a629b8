/**
 * A report's crises: what the routing rules gave, with the journalists' overrides on top (an
 * assignment by hand adds a crisis the rules missed, a removal by hand takes one out for good).
 */
import type { CrisisAssignment } from '../../shared/crisis.js';
import type { CrisisOverride } from '../../shared/crisis.js';
import type { Routed } from './routing.js';

export type Overrides = Record<string, CrisisOverride>;

/** The final assignments, in the order of `known` (the crises that exist), each once. */
export function assignmentsOf(
  routed: readonly Routed[],
  overrides: Overrides,
  known: readonly string[],
): CrisisAssignment[] {
  const out: CrisisAssignment[] = [];
  for (const slug of known) {
    const override = overrides[slug];
    if (override) {
      if (override.in) out.push({ slug, reason: override.note || `assigned by ${override.by}`, by: override.by });
      continue;
    }
    const rule = routed.find((r) => r.slug === slug);
    if (rule) out.push({ slug, reason: rule.reason, by: 'rule' });
  }
  return out;
}
