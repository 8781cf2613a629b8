/** Pure: what the ticker shows — breaking reports pinned first (newest first, a few), then the latest. */
import type { ReportSummary } from '../../../../shared/report.js';

export const isBreaking = (r: Pick<ReportSummary, 'flags'>): boolean => r.flags.some((f) => f.flag === 'breaking');

/** At most `max` reports; up to `maxPinned` breaking ones lead even when newer reports exist. Input is newest first. */
export function tickerItems(reports: readonly ReportSummary[], max: number, maxPinned = 2): ReportSummary[] {
  const pinned = reports.filter(isBreaking).slice(0, Math.min(maxPinned, max));
  const pinnedIds = new Set(pinned.map((r) => r.id));
  return pinned.concat(reports.filter((r) => !pinnedIds.has(r.id)).slice(0, max - pinned.length));
}
