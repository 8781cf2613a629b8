import { describe, expect, it } from 'vitest';
import { encodeLogEntry } from './foldLog.js';

describe('encodeLogEntry', () => {
  it('is the batch as JSON, and each byte range is that report’s extraction JSON in the UTF-8 entry', () => {
    const reports = [
      { id: 'a1', dateline: '2022-01-19', json: '{"places":["Zürich"]}' },
      { id: 'b—2', dateline: '2022-01-20T08:00:00Z', json: '{"phrase":"Київ 🤝"}' },
      { id: 'c3', dateline: '2022-01-21', json: '{}' },
    ];
    const { entry, extractions } = encodeLogEntry(
      12,
      reports.map((r) => ({ id: r.id, dateline: r.dateline, extractionJson: Buffer.from(r.json) })),
    );
    expect(JSON.parse(entry.toString())).toEqual({
      v: 12,
      inputs: reports.map((r) => ({ reportId: r.id, dateline: r.dateline, extraction: JSON.parse(r.json) })),
    });
    expect(extractions.map(([start, end]) => entry.subarray(start, end).toString())).toEqual(
      reports.map((r) => r.json),
    );
  });

  it('encodes an empty batch', () => {
    const { entry, extractions } = encodeLogEntry(3, []);
    expect(entry.toString()).toBe('{"v":3,"inputs":[]}');
    expect(extractions).toEqual([]);
  });
});
