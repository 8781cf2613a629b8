/** The latest reports in a strip; breaking ones lead and stand out. Report text is only ever rendered as text. */
import { memo } from 'react';
import type { ReportSummary } from '../../../../shared/report.js';
import { useNewKeys } from '../../components/useNewKeys.js';
import { isBreaking, tickerItems } from './tickerItems.js';
import './ticker.css';

/** Items on screen: the strip never scrolls, and the list stays bounded. */
export const MAX_TICKER_ITEMS = 8;

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export const Ticker = memo(function Ticker({ reports }: { reports: ReportSummary[] }) {
  const items = tickerItems(reports, MAX_TICKER_ITEMS);
  const isNew = useNewKeys(items.map((r) => r.id));
  return (
    <section className="wall-ticker" aria-label="Latest reports" data-testid="ticker">
      {items.length === 0 && <p className="muted">Waiting for the first report</p>}
      <ol className="ticker-items">
        {items.map((r) => {
          const breaking = isBreaking(r);
          return (
            <li
              key={r.id}
              className={`ticker-item${breaking ? ' is-breaking' : ''}${isNew(r.id) ? ' is-new' : ''}`}
              data-report-id={r.id}
            >
              <span className="ticker-meta">
                {breaking && <span className="tag tag-breaking">Breaking</span>}
                <time dateTime={r.receivedAt}>{timeFormat.format(Date.parse(r.receivedAt))}</time>
                {r.source && <span className="ticker-source">{r.source}</span>}
              </span>
              <span className="ticker-text">{r.title ?? r.excerpt}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
