/**
 * What the server's search found: each report with its title and snippets, the matches marked
 * (from the offsets the server sends; text is rendered as text, never as markup), "load more"
 * while the server has more, and a plain sentence when nothing matched.
 */
import type { MarkRange, SearchHit } from '../../../../shared/search.js';
import { CrisisBadges } from './crises/CrisisBadges.js';
import type { ServerSearch } from './useServerSearch.js';

export function MarkedText({ text, marks }: { text: string; marks: readonly MarkRange[] }) {
  const parts: (string | React.JSX.Element)[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function HitRow(props: { hit: SearchHit; selected: boolean; onSelect: () => void; nameOf: (slug: string) => string }) {
  const { hit } = props;
  const title = hit.highlights?.title;
  return (
    <article
      data-testid="search-hit"
      data-report-id={hit.id}
      className={`desk-row search-hit${props.selected ? ' selected' : ''}`}
      onClick={props.onSelect}
    >
      <div className="report-meta">
        <time dateTime={hit.report.dateline}>{hit.report.dateline.slice(0, 10)}</time>
        {hit.report.source && <span className="source">{hit.report.source}</span>}
        <CrisisBadges assigned={hit.crises} nameOf={props.nameOf} />
        {hit.flags.map((f) => (
          <span key={f.flag} className={`flag flag-${f.flag}`} data-flag={f.flag}>
            {f.flag}
          </span>
        ))}
      </div>
      <h2>
        {title ? (
          <MarkedText text={title.text} marks={title.marks} />
        ) : (
          (hit.report.title ?? hit.report.text.slice(0, 80))
        )}
      </h2>
      {(hit.highlights?.snippets ?? []).map((s) => (
        <p key={s.at} className="search-snippet">
          {s.at > 0 ? '…' : ''}
          <MarkedText text={s.text} marks={s.marks} />
          {s.at + s.text.length < hit.report.text.length ? '…' : ''}
        </p>
      ))}
    </article>
  );
}

export function SearchResults(props: {
  search: ServerSearch;
  hits: SearchHit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  nameOf: (slug: string) => string;
}) {
  const { search } = props;
  return (
    <div className="desk-list search-results" data-testid="search-results" aria-busy={search.loading}>
      {props.hits.map((hit) => (
        <HitRow
          key={hit.id}
          hit={hit}
          selected={hit.id === props.selectedId}
          onSelect={() => props.onSelect(hit.id)}
          nameOf={props.nameOf}
        />
      ))}
      {!search.loading && !search.error && props.hits.length === 0 && search.query && (
        <p className="hint search-empty" data-testid="search-empty">
          No report matches “{search.query}”. Try fewer words, or fewer filters.
        </p>
      )}
      {search.loading && <p className="hint">Searching every report…</p>}
      {search.hasMore && !search.loading && (
        <button type="button" data-testid="search-more" onClick={search.loadMore}>
          Load more
        </button>
      )}
    </div>
  );
}
