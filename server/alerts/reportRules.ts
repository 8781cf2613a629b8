/** Report rules, pure: a report mentions a term or entity, a report is flagged. */
import type { CrisisAssignment } from '../../shared/crisis.js';
import type { Flag, FlagKind } from '../../shared/report.js';
import { reportFact } from './facts.js';
import { withTold, type RuleMemo } from './memo.js';
import { compileTerms, reportWords, type ReportWords } from './mentions.js';
import type { AlertContent } from './types.js';

/** What the rules read of a report: text and title for terms, extracted entities for names. */
export type ReportForRules = {
  id: string;
  text: string;
  title?: string;
  source?: string;
  dateline: string;
  entities?: { people: string[]; places: string[]; organizations: string[] };
  /** The crises it belongs to (a subscription to one crisis only hears of its reports). */
  crises?: CrisisAssignment[];
};

function headline(report: ReportForRules): string {
  if (report.title) return report.title;
  const text = report.text.replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The sentence-ish window around the first match, so the body shows the term in context. */
function around(text: string, index: number, length: number, radius = 120): string {
  const flat = text.replace(/\s+/g, ' ');
  const start = Math.max(0, index - radius);
  const end = Math.min(flat.length, index + length + radius);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

/**
 * `terms` are compiled once per rule (mentions.ts); `words` is the report cut into words, made
 * once per report by the evaluator for every subscription (made here when not given).
 */
export function judgeMention(
  terms: string[],
  report: ReportForRules,
  memo: RuleMemo,
  words: ReportWords = reportWords(report),
): { alert: AlertContent | null; memo: RuleMemo } {
  const found: string[] = [];
  let first: { index: number; length: number } | null = null;
  for (const term of compileTerms(terms)) {
    const inText = words.text.find(term);
    const inTitle = words.title !== null && words.title.find(term) >= 0;
    const asEntity = !inTitle && inText < 0 && words.entities.some((e) => e.find(term) >= 0);
    if (inText < 0 && !inTitle && !asEntity) continue;
    found.push(term.term);
    if (inText >= 0 && (!first || inText < first.index))
      first = { index: inText, length: words.text.lengthAt(term, inText) };
  }
  if (found.length === 0) return { alert: null, memo };
  const flat = words.text.text;
  const quoted = found.map((t) => `"${t}"`).join(', ');
  const context = first ? around(flat, first.index, first.length) : headline(report);
  const from = [report.source, report.dateline.slice(0, 10)].filter(Boolean).join(', ');
  return {
    alert: {
      title: `${quoted} in: ${headline(report)}`,
      body: `${context}\n\n(${from})`,
      reportId: report.id,
      facts: [reportFact(report.id)],
    },
    memo,
  };
}

export function judgeFlag(
  flag: FlagKind,
  reportId: string,
  flags: Flag[],
  report: ReportForRules | undefined,
  memo: RuleMemo,
): { alert: AlertContent | null; memo: RuleMemo } {
  const key = `${flag}:${reportId}`;
  const set = flags.find((f) => f.flag === flag);
  const told = memo.told?.includes(key) ?? false;
  if (!set) {
    // Unflagged: forget it, so flagging it again is news again.
    return { alert: null, memo: told ? { ...memo, told: memo.told!.filter((k) => k !== key) } : memo };
  }
  if (told) return { alert: null, memo };
  const title = report ? headline(report) : `report ${reportId}`;
  const note = set.note ? ` Note: ${set.note}` : '';
  return {
    alert: {
      title: `Flagged ${flag}: ${title}`,
      body: `${set.by ?? 'A journalist'} flagged this report ${flag} at ${set.at}.${note}`,
      reportId,
      facts: [reportFact(reportId)],
    },
    memo: withTold(memo, key),
  };
}
