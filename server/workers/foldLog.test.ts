import { describe, expect, it } from 'vitest';
import { encodeLogEntry } from './foldLog.js';

describe('encodeLogEntry', () => {
  it('is the batch as JSON, and each byte range is that report’s extraction JSON in the UTF-8 entry', () => {
    const reports = [
      { id: 'a1', dateline: '2022-01-19', extractionJson: '{"places":["Zürich"]}' },
      { id: 'b—2', dateline: '2022-01-20T08:00:00Z', extractionJson: '{"phrase":"Київ 🤝"}' },
      { id: 'c3', dateline: '2022-01-21', extractionJson: '{}' },
    ];
    const { entry, extractions } = encodeLogEntry(12, reports);
    expect(JSON.parse(entry)).toEqual({
      v: 12,
      inputs: reports.map((r) => ({ reportId: r.id, dateline: r.dateline, extraction: JSON.parse(r.extractionJson) })),
    });
    const bytes = Buffer.from(entry);
    expect(extractions.map(([start, end]) => bytes.subarray(start, end).toString())).toEqual(
      reports.map((r) => r.extractionJson),
    );
  });

  it('encodes an empty batch', () => {
    expect(encodeLogEntry(3, [])).toEqual({ entry: '{"v":3,"inputs":[]}', extractions: [] });
  });
});
