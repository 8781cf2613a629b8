/** Normalises a report so the same story sent twice gets the same id. */
import { createHash } from 'node:crypto';
import type { ReportInput } from '../../shared/report.js';

/** NFC, unified line breaks, trimmed lines, at most one blank line in a row. Keeps paragraphs (evidence offsets refer to this text). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The dateline a report is read against: as given, or today's date (UTC) when absent. */
export function resolveDateline(dateline: string | undefined, now: Date): string {
  return dateline ?? now.toISOString().slice(0, 10);
}

/** id = hash(normalised text + dateline): the same report twice is one report. */
export function reportId(normalizedText: string, dateline: string): string {
  // Whitespace-insensitive for identity, so re-wrapped copies of a wire story are still duplicates.
  const identity = normalizedText.replace(/\s+/g, ' ').toLowerCase();
  return createHash('sha256').update(`${identity}\n${dateline}`).digest('hex').slice(0, 32);
}

export type NormalizedReport = Required<Pick<ReportInput, 'text'>> & ReportInput & { dateline: string };

export function normalizeInput(input: ReportInput, now: Date): NormalizedReport {
  return { ...input, text: normalizeText(input.text), dateline: resolveDateline(input.dateline, now) };
}
