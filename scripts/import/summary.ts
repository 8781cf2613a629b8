/** The end-of-import summary: counts, then every rejection and failure with its reason. */
import type { Outcome } from './poster.js';
import type { LocalRejection } from './readers.js';

export type Summary = {
  files: number;
  items: number;
  accepted: number;
  duplicate: number;
  rejected: { origin: string; reason: string }[];
  failed: { origin: string; reason: string }[];
  seconds: number;
};

export function summarize(files: number, outcomes: Outcome[], local: LocalRejection[], seconds: number): Summary {
  const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
  const reasons = (s: 'rejected' | 'failed') =>
    outcomes.flatMap((o) => (o.status === s ? [{ origin: o.origin, reason: o.reason }] : []));
  return {
    files,
    items: outcomes.length + local.length,
    accepted: count('accepted'),
    duplicate: count('duplicate'),
    rejected: [...local, ...reasons('rejected')],
    failed: reasons('failed'),
    seconds,
  };
}

export function formatSummary(s: Summary, maxListed = 50): string {
  const rate = s.seconds > 0 ? (s.items / s.seconds).toFixed(1) : '-';
  const lines = [
    `Imported ${s.items} items from ${s.files} files in ${s.seconds.toFixed(1)} s (${rate} items/s)`,
    `  accepted:  ${s.accepted}`,
    `  duplicate: ${s.duplicate}`,
    `  rejected:  ${s.rejected.length}`,
  ];
  const list = (entries: { origin: string; reason: string }[]) => {
    for (const e of entries.slice(0, maxListed)) lines.push(`    ${e.origin}: ${e.reason}`);
    if (entries.length > maxListed) lines.push(`    … and ${entries.length - maxListed} more`);
  };
  list(s.rejected);
  lines.push(
    `  failed:    ${s.failed.length}${s.failed.length ? ' (not delivered; run the same command again to retry them)' : ''}`,
  );
  list(s.failed);
  return lines.join('\n');
}
