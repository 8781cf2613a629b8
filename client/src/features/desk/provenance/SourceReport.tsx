/**
 * The report a figure came from, beside the list: its source and tier, and its text with the
 * sentence highlighted and the figure marked inside it (text nodes only, never HTML), scrolled to.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReportDetail } from '../../../../../shared/report.js';
import { api } from '../../../api/http.js';
import type { ProvenanceMap } from '../../../api/provenance.js';
import { SourceMark } from '../../../components/SourceMark.js';
import type { Citation } from './citation.js';
import { provenanceParts } from './sentence.js';

export function SourceReport({ citation, provenance }: { citation: Citation; provenance: ProvenanceMap }) {
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mark = useRef<HTMLElement>(null);

  // Another report cited: nothing shown until it is read (reset during render, not in the effect).
  const [shownFor, setShownFor] = useState(citation.reportId);
  if (shownFor !== citation.reportId) {
    setShownFor(citation.reportId);
    setDetail(null);
    setError(null);
  }
  useEffect(() => {
    let live = true;
    api<ReportDetail>('GET', `/api/reports/${citation.reportId}`).then(
      (d) => live && setDetail(d),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [citation.reportId]);

  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [detail, citation]);

  if (error) return <p className="desk-error">{error}</p>;
  if (!detail) return <p className="hint">Loading the report…</p>;
  const { report } = detail;
  const ev = citation.span;
  const parts = ev ? provenanceParts(report.text, ev.start, ev.end) : null;
  return (
    <article className="source-report" data-testid="source-report" data-report-id={report.id}>
      <p className="hint">{citation.what}</p>
      <div className="report-meta">
        <time dateTime={report.dateline}>{report.dateline}</time>
        <SourceMark provenance={provenance.get(report.id)} />
        {report.url && (
          <a href={report.url} target="_blank" rel="noreferrer noopener">
            original
          </a>
        )}
      </div>
      <h2>{report.title ?? 'Untitled report'}</h2>
      <p className="desk-text" data-testid="source-text">
        {parts ? (
          <>
            {parts.before}
            <mark ref={mark} className="provenance-sentence" data-testid="provenance-sentence">
              {parts.lead}
              <strong className="provenance-evidence">{parts.evidence}</strong>
              {parts.tail}
            </mark>
            {parts.after}
          </>
        ) : (
          report.text
        )}
      </p>
      {!parts && <p className="hint">This step's sentence was not kept; the whole report is shown.</p>}
    </article>
  );
}
