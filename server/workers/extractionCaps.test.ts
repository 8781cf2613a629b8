import { describe, expect, it } from 'vitest';
import { emptyExtraction, type Extraction } from '../../shared/extraction.js';
import { capExtracted, capExtraction, EXTRACTION_CAPS } from './extractionCaps.js';
import { withJson } from './extractPool.js';

const evidence = { text: 'x', start: 0, end: 1 };

describe('extraction output per report is bounded where the worker stores and folds it (issue 26, item 6)', () => {
  it('cuts every list to its cap, keeping the first, and sums the kept signals', () => {
    const big: Extraction = {
      troops: Array.from({ length: 5000 }, (_, i) => ({ value: i, qualifier: 'exact', hypothetical: false, evidence })),
      meetings: Array.from({ length: 5000 }, () => ({
        participants: ['A', 'B'],
        place: null,
        date: null,
        kind: 'call',
        status: 'proposed',
        evidence,
      })),
      tension: {
        delta: 5000,
        signals: Array.from({ length: 5000 }, () => ({ phrase: 'p', weight: 1, category: 'c', evidence })),
      },
      entities: {
        people: Array.from({ length: 5000 }, (_, i) => `P${i}`),
        places: [],
        organizations: [],
      },
    };
    const capped = capExtracted(withJson(big));
    const e = JSON.parse(capped.json.toString()) as Extraction;
    expect(e.troops).toHaveLength(EXTRACTION_CAPS.troops);
    expect(e.troops[0].value).toBe(0);
    expect(e.meetings).toHaveLength(EXTRACTION_CAPS.meetings);
    expect(e.tension.signals).toHaveLength(EXTRACTION_CAPS.signals);
    expect(e.tension.delta).toBe(EXTRACTION_CAPS.signals);
    expect(e.entities.people).toHaveLength(EXTRACTION_CAPS.entities);
  });

  it('leaves an ordinary extraction as it is, bytes and all', () => {
    const small = withJson(emptyExtraction());
    expect(capExtracted(small)).toBe(small);
    const e = emptyExtraction();
    expect(capExtraction(e)).toBe(e);
  });
});
