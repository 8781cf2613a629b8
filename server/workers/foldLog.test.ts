import { describe, expect, it } from 'vitest';
import { encodeLogEntry } from './foldLog.js';

describe('encodeLogEntry', () => {
  it('is the batch as JSON, each extraction as given, and null for a report taken out', () => {
    const reports = [
      { id: 'a1', dateline: '2022-01-19', json: '{"places":["Zürich"]}' },
      { id: 'b—2', dateline: '2022-01-20T08:00:00Z', json: '{"phrase":"Київ 🤝"}' },
      { id: 'c3', dateline: '2022-01-21', json: null },
    ];
    const entry = encodeLogEntry(
      12,
      reports.map((r) => ({ id: r.id, dateline: r.dateline, extractionJson: r.json ? Buffer.from(r.json) : null })),
    );
    expect(JSON.parse(entry.toString())).toEqual({
      v: 12,
      inputs: reports.map((r) => ({
        reportId: r.id,
        dateline: r.dateline,
        extraction: r.json ? JSON.parse(r.json) : null,
      })),
    });
  });

  it('encodes an empty batch', () => {
    expect(encodeLogEntry(3, []).toString()).toBe('{"v":3,"inputs":[]}');
  });
});
