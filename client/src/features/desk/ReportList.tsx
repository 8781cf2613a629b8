/**
 * The feed, virtualised with @tanstack/react-virtual: only the rows in view (plus a few) are in
 * the DOM, so 10,000 reports scroll as smoothly as 10. Rows have a fixed height (no measuring
 * while scrolling); nearing the end asks for the next page.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ReportDetail } from '../../../../shared/report.js';
import { CrisisBadges } from './crises/CrisisBadges.js';
import { VerificationChip } from './verification/VerificationControl.js';

export const ROW_HEIGHT_PX = 88;

export function ReportList(props: {
  reports: ReportDetail[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onNearEnd: () => void;
  nameOf: (slug: string) => string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The compiler knows useVirtualizer's results mutate in place and so leaves this component
  // unmemoised, which is what it needs; nothing memoised receives the virtualizer. The warning is
  // that notice, hard-coded for this library (facebook/react#34493, TanStack/virtual#1119).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.reports.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  const { onNearEnd } = props;

  useEffect(() => {
    if (props.reports.length > 0 && last >= props.reports.length - 20) onNearEnd();
  }, [last, props.reports.length, onNearEnd]);

  // Keep the selected row in view when it is moved by keyboard.
  const selectedIndex = props.reports.findIndex((r) => r.id === props.selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div className="desk-list" ref={scroller} data-testid="desk-list" data-count={props.reports.length}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const r = props.reports[item.index];
          return (
            <article
              key={r.id}
              data-testid="desk-row"
              data-report-id={r.id}
              className={`desk-row${r.id === props.selectedId ? ' selected' : ''}${r.flags.some((f) => f.flag === 'breaking') ? ' breaking' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT_PX,
                transform: `translateY(${item.start}px)`,
              }}
              onClick={() => props.onSelect(r.id)}
            >
              <div className="report-meta">
                <time dateTime={r.report.dateline}>{r.report.dateline.slice(0, 10)}</time>
                {r.report.source && <span className="source">{r.report.source}</span>}
                <CrisisBadges assigned={r.crises} nameOf={props.nameOf} />
                {r.verification && r.verification.status !== 'unverified' && (
                  <VerificationChip status={r.verification.status} locked={r.verification.locked} />
                )}
                {r.flags.map((f) => (
                  <span key={f.flag} className={`flag flag-${f.flag}`} data-flag={f.flag}>
                    {f.flag}
                  </span>
                ))}
              </div>
              <h2>{r.report.title ?? r.report.text.slice(0, 80)}</h2>
              <p>{r.report.text.slice(0, 220)}</p>
            </article>
          );
        })}
      </div>
    </div>
  );
}
