import { describe, expect, it } from 'vitest';
import { readSource } from './readers.js';

describe('import readers', () => {
  it('plain text is sent as is (the server reads the optional date line)', () => {
    expect(readSource('a.txt', '\uFEFFdate 2022-01-19\nTalks in Geneva.')).toEqual({
      items: [{ origin: 'a.txt', body: 'date 2022-01-19\nTalks in Geneva.', contentType: 'text/plain; charset=utf-8' }],
      rejected: [],
    });
  });

  it('JSON: one report, or an array with each element numbered; ninjs gets its media type', () => {
    const one = readSource('r.json', '{"text":"x","dateline":"2022-01-19"}');
    expect(one.items).toEqual([
      { origin: 'r.json', body: '{"text":"x","dateline":"2022-01-19"}', contentType: 'application/json' },
    ]);
    const many = readSource('m.json', '[{"text":"a"},{"headline":"h","body_text":"b"},3]');
    expect(many.items.map((i) => [i.origin, i.contentType])).toEqual([
      ['m.json#1', 'application/json'],
      ['m.json#2', 'application/ninjs+json'],
    ]);
    expect(many.rejected).toEqual([{ origin: 'm.json#3', reason: expect.stringMatching(/expected a JSON object/) }]);
    expect(readSource('n.ninjs.json', '{"text":"odd but ninjs by name"}').items[0].contentType).toBe(
      'application/ninjs+json',
    );
  });

  it('JSON Lines: one item per non-empty line, a broken line rejected with its line number', () => {
    const read = readSource('l.jsonl', '{"text":"a"}\n\nnot json\n{"text":"b"}\n');
    expect(read.items.map((i) => i.origin)).toEqual(['l.jsonl:1', 'l.jsonl:4']);
    expect(read.rejected).toEqual([{ origin: 'l.jsonl:3', reason: expect.stringMatching(/^invalid JSON/) }]);
  });

  it('broken, empty and unknown files are rejected with a reason', () => {
    expect(readSource('b.json', '{"text":').rejected[0].reason).toMatch(/^invalid JSON/);
    expect(readSource('e.txt', '  \n').rejected[0].reason).toBe('the file is empty');
    expect(readSource('p.pdf', '%PDF').rejected[0].reason).toMatch(/unsupported file type ".pdf"/);
  });
});
