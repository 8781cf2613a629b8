/** A report's text with the extracted facts highlighted: text nodes and <mark>s, never HTML. */
import type { Extraction } from '../../../../shared/extraction.js';
import { segment, spansOf } from './highlight.js';

export function ReportText({ text, extraction }: { text: string; extraction?: Extraction | null }) {
  const segments = segment(text, spansOf(extraction));
  return (
    <p className="desk-text" data-testid="report-text">
      {segments.map((s, i) =>
        s.span ? (
          <mark key={i} className={`fact fact-${s.span.kind}`} title={s.span.label} data-kind={s.span.kind}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
