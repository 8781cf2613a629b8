/**
 * What a subscription remembers between changes, so it is told once per change and never
 * flooded: the values it last saw (for thresholds, jumps and percentages), the meetings it
 * knows, and what it was already told. Small and bounded; stored as JSON per subscription.
 */
export type RuleMemo = {
  /** Recent tension readings (ms epoch of the change, value), oldest first; the last is the previous value. */
  tension?: { atMs: number; value: number }[];
  /** Last troop estimate seen (null: none yet). */
  troops?: number | null;
  /** The troop estimate the subscriber was last told about (troops.change compares against it). */
  troopsBaseline?: number;
  /** Meeting id → "date|place|status" as last seen. */
  meetings?: Record<string, string>;
  /** Keys of things already told (flagged report ids, meetings about to start). */
  told?: string[];
};

export const MAX_TENSION_READINGS = 500;
export const MAX_MEETINGS = 500;
export const MAX_TOLD = 500;

/** Keeps the newest `max` entries of a list. */
export function keepLast<T>(list: T[], max: number): T[] {
  return list.length > max ? list.slice(list.length - max) : list;
}

/** Adds a key to `told` (bounded, no duplicates). */
export function withTold(memo: RuleMemo, key: string): RuleMemo {
  const told = (memo.told ?? []).filter((k) => k !== key);
  return { ...memo, told: keepLast([...told, key], MAX_TOLD) };
}

/** The ms epoch of a change-stream seq ("1700000000000-0"). */
export function seqMs(seq: string): number {
  return Number(seq.split('-')[0]);
}
