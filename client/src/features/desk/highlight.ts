/**
 * Pure: cuts a report's text into plain and highlighted segments from the extraction's
 * evidence offsets. The desk renders each segment as a React text node (never as HTML), so
 * nothing in a report can inject markup.
 */
import type { Extraction } from '../../../../shared/extraction.js';

export type SpanKind = 'troop' | 'meeting' | 'tension';
export type Span = { start: number; end: number; kind: SpanKind; label: string };
export type Segment = { text: string; span?: Span };

/** The spans an extraction points at, with a short label for the tooltip. */
export function spansOf(extraction: Extraction | undefined | null): Span[] {
  if (!extraction) return [];
  return [
    ...extraction.troops.map((t) => ({
      ...t.evidence,
      kind: 'troop' as const,
      label: `troops: ${t.qualifier} ${t.value.toLocaleString('en')}${t.hypothetical ? ' (hypothetical)' : ''}`,
    })),
    ...extraction.meetings.map((m) => ({
      ...m.evidence,
      kind: 'meeting' as const,
      label: `meeting: ${m.participants.join(', ') || '?'} · ${m.place ?? 'place?'} · ${m.date ?? 'date?'} · ${m.status}`,
    })),
    ...extraction.tension.signals.map((s) => ({
      ...s.evidence,
      kind: 'tension' as const,
      label: `tension ${s.weight > 0 ? '+' : ''}${s.weight} (${s.category})`,
    })),
  ].map(({ start, end, kind, label }) => ({ start, end, kind, label }));
}

/**
 * Segments covering the whole text in order. Spans outside the text or empty are dropped;
 * where spans overlap, the one starting first wins and the other is cut to what remains.
 */
export function segment(text: string, spans: readonly Span[]): Segment[] {
  const usable = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const span of usable) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, span.end), span: { ...span, start } });
    at = span.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
  return out;
}
