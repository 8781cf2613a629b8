/**
 * Pure: the desk's filters (crisis, flag, entity, date range, source) and free-text search. The
 * crisis filter chooses which reports the server lists (GET /api/reports?crisis=); the others
 * narrow the reports loaded.
 */
import type { CrisisAssignment } from '../../../../shared/crisis.js';
import type { FlagKind, ReportDetail } from '../../../../shared/report.js';

/** Every report (''), those in no crisis ('none'), or one crisis' (its slug). */
export type CrisisFilter = '' | 'none' | (string & {});

export type DeskFilters = {
  crisis: CrisisFilter;
  flag: FlagKind | 'any' | 'none';
  entity: string;
  source: string;
  /** YYYY-MM-DD bounds on the dateline, inclusive; '' for none. */
  from: string;
  to: string;
  search: string;
};

export const noFilters: DeskFilters = { crisis: '', flag: 'any', entity: '', source: '', from: '', to: '', search: '' };

/**
 * Whether a report with these crises belongs to a list filtered by crisis. A report not yet
 * folded (crises absent) is in no crisis' list, nor yet in the "in no crisis" one.
 */
export function inCrisisFilter(crises: readonly CrisisAssignment[] | undefined, filter: CrisisFilter): boolean {
  if (filter === '') return true;
  if (crises === undefined) return false;
  return filter === 'none' ? crises.length === 0 : crises.some((c) => c.slug === filter);
}

export function entitiesOf(r: ReportDetail): string[] {
  const e = r.extraction?.entities;
  return e ? [...e.people, ...e.places, ...e.organizations] : [];
}

export function matches(r: ReportDetail, f: DeskFilters): boolean {
  if (f.flag === 'none' && r.flags.length > 0) return false;
  if (f.flag !== 'any' && f.flag !== 'none' && !r.flags.some((x) => x.flag === f.flag)) return false;
  if (f.source && (r.report.source ?? '') !== f.source) return false;
  const day = r.report.dateline.slice(0, 10);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  if (f.entity) {
    const wanted = f.entity.toLowerCase();
    if (!entitiesOf(r).some((e) => e.toLowerCase() === wanted)) return false;
  }
  if (f.search.trim()) {
    const haystack = `${r.report.title ?? ''}\n${r.report.source ?? ''}\n${r.report.text}`.toLowerCase();
    if (
      !f.search
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}

/** Distinct values for the filter menus, most frequent first. */
export function facets(reports: readonly ReportDetail[]): { sources: string[]; entities: string[] } {
  const count = (values: string[]) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  };
  return {
    sources: count(reports.flatMap((r) => (r.report.source ? [r.report.source] : []))),
    entities: count(reports.flatMap(entitiesOf)).slice(0, 200),
  };
}
