/**
 * Pure: the desk's verdicts on a report and its facts, applied to its extraction before the
 * fold. Each fact carries the status that applies to it (its own verdict, else the report's),
 * so the fold keeps it on the claim or meeting and the walls can mark what is not verified; a
 * fact judged `false` leaves the wall exactly as a rejection does. The verdicts travel inside
 * the extraction, so its fingerprint, the fold log and every replay of a crisis see them.
 */
import type { Correction } from '../../shared/corrections.js';
import type { Extraction } from '../../shared/extraction.js';
import type { FactKind, FactRef, ReportVerification, VerificationStatus } from '../../shared/verification.js';
import { factKey, factKinds } from '../../shared/verification.js';
import { applyCorrections } from './corrections.js';

/** The status a fact has: its own verdict, else its report's. */
export function factStatus(verification: ReportVerification | undefined, fact: FactRef): VerificationStatus {
  return verification?.facts?.[factKey(fact)]?.status ?? verification?.status ?? 'unverified';
}

/** The one rule of what leaves the wall: a fact judged false (on its own or with its report). */
export function takesFactOffTheWall(status: VerificationStatus | undefined): boolean {
  return status === 'false';
}

/**
 * The facts of the machine's extraction that the verdicts take off the wall (judged false, on
 * their own or with their whole report). The one place that decides it: alert follow-ups that
 * must tell subscribers a figure was withdrawn hook here.
 */
export function factsTakenOffTheWall(
  counts: Record<FactKind, number>,
  verification: ReportVerification | undefined,
): FactRef[] {
  const off: FactRef[] = [];
  for (const kind of factKinds)
    for (let index = 0; index < counts[kind]; index++)
      if (takesFactOffTheWall(factStatus(verification, { kind, index }))) off.push({ kind, index });
  return off;
}

/** True when a verification changes nothing the fold sees (no verdict at all). */
export function hasVerdicts(verification: ReportVerification | undefined): boolean {
  return (
    verification !== undefined &&
    (verification.status !== 'unverified' ||
      Object.values(verification.facts ?? {}).some((v) => v.status !== 'unverified'))
  );
}

/**
 * The extraction to fold: corrections applied to the machine's own extraction, each fact
 * marked with its status (absent when unverified), those judged false taken out.
 */
export function withVerdicts(
  original: Extraction,
  corrections: readonly Correction[],
  verification: ReportVerification | undefined,
): Extraction {
  if (!hasVerdicts(verification)) return corrections.length > 0 ? applyCorrections(original, corrections) : original;
  const mark = <T extends { verification?: VerificationStatus }>(item: T, status: VerificationStatus): T =>
    status === 'unverified' ? item : { ...item, verification: status };
  const marked: Extraction = {
    ...original,
    troops: original.troops.map((t, index) => mark(t, factStatus(verification, { kind: 'troops', index }))),
    meetings: original.meetings.map((m, index) => mark(m, factStatus(verification, { kind: 'meetings', index }))),
  };
  const corrected = applyCorrections(marked, corrections);
  // Facts a journalist added by hand (appended last) have no verdict of their own: their report's applies.
  const reportStatus = verification?.status ?? 'unverified';
  const added = (kind: Correction['kind']) => corrections.filter((c) => c.kind === kind).length;
  const ownOrReports = <T extends { verification?: VerificationStatus }>(items: T[], addedCount: number): T[] =>
    items
      .map((item, i) => (i >= items.length - addedCount ? mark(item, reportStatus) : item))
      .filter((item) => !takesFactOffTheWall(item.verification));
  return {
    ...corrected,
    troops: ownOrReports(corrected.troops, added('troop.add')),
    meetings: ownOrReports(corrected.meetings, added('meeting.add')),
  };
}
