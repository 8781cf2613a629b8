/**
 * The desk's reports: the live list (virtualised), filters (crisis, flag, entity, source, dates)
 * and search, the selected report with its crises, highlighted facts, flags, corrections and
 * audit trail, and keyboard shortcuts.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Crisis } from '../../../../shared/crisis.js';
import type { SessionUser } from '../../../../shared/desk.js';
import type { FlagKind } from '../../../../shared/report.js';
import { FilterBar } from './FilterBar.js';
import { facets, matches, noFilters, type DeskFilters } from './filters.js';
import { toggleFlag } from './FlagButtons.js';
import { ReportList } from './ReportList.js';
import { ReportPanel } from './ReportPanel.js';
import { useDeskFeed } from './useDeskFeed.js';
import type { DeskStream } from './useDeskStream.js';
import { useShortcuts } from './useShortcuts.js';

export function ReportsView({
  stream,
  crises,
  canFlag,
  user,
}: {
  stream: DeskStream;
  crises: readonly Crisis[];
  canFlag: boolean;
  user: SessionUser;
}) {
  const [filters, setFilters] = useState<DeskFilters>(noFilters);
  const feed = useDeskFeed(stream, filters.crisis);
  // /desk?report=ID (an alert's link, "My queue") opens that report.
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('report'),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const visible = useMemo(() => feed.reports.filter((r) => matches(r, filters)), [feed.reports, filters]);
  const { sources, entities } = useMemo(() => facets(feed.reports), [feed.reports]);
  const selected = visible.find((r) => r.id === selectedId) ?? null;
  const nameOf = useCallback((slug: string) => crises.find((c) => c.slug === slug)?.name ?? slug, [crises]);

  const { loadMore, hasMore, loading } = feed;
  const onNearEnd = useCallback(() => {
    if (hasMore && !loading) loadMore();
  }, [hasMore, loading, loadMore]);

  useShortcuts(
    {
      move(delta) {
        if (visible.length === 0) return;
        const at = visible.findIndex((r) => r.id === selectedId);
        const next = at < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, at + delta));
        setSelectedId(visible[next].id);
      },
      flag(kind: FlagKind) {
        if (!selected) return;
        toggleFlag(selected.id, selected.flags, kind).then(
          (flags) => feed.setFlags(selected.id, flags),
          (err: unknown) => setNotice((err as Error).message),
        );
      },
      search() {
        searchRef.current?.focus();
      },
    },
    canFlag,
  );

  return (
    <>
      <FilterBar
        filters={filters}
        onChange={setFilters}
        crises={crises}
        sources={sources}
        entities={entities}
        searchRef={searchRef}
      />
      {(feed.error || notice) && (
        <p className="desk-error" role="alert">
          {feed.error ?? notice}
        </p>
      )}
      <div className={`desk-body${selected ? ' has-selection' : ''}`}>
        <div className="desk-feed">
          <p className="hint desk-count">
            {visible.length.toLocaleString('en')} of {feed.reports.length.toLocaleString('en')} loaded
            {feed.hasMore ? ' (more on scroll)' : ''}
          </p>
          <ReportList
            reports={visible}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onNearEnd={onNearEnd}
            nameOf={nameOf}
          />
        </div>
        {selected ? (
          <div className="desk-reader" data-testid="desk-reader">
            <button type="button" className="desk-back" data-testid="report-back" onClick={() => setSelectedId(null)}>
              ← Back to the list
            </button>
            <ReportPanel
              key={selected.id}
              report={selected}
              revision={feed.revision[selected.id] ?? 0}
              canFlag={canFlag}
              crises={crises}
              onFlags={(flags) => feed.setFlags(selected.id, flags)}
              user={user}
              onVerification={(v) => feed.setVerification(selected.id, v)}
            />
          </div>
        ) : (
          <section className="desk-panel hint">Select a report (click, or j/k).</section>
        )}
      </div>
    </>
  );
}
