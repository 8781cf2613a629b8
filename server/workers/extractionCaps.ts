/**
 * A defensive bound on what one report's extraction may add to the store and to every crisis'
 * fold: at most so many troop figures, meetings, tension signals and entities. extract() bounds
 * its own work (server/extract); this is the worker's guard where the extraction is stored and
 * folded, whatever extract() returns. Ordinary extractions (a few KB of JSON) are not even parsed.
 */
import type { Extraction } from '../../shared/extraction.js';
import { extractionOf, withJson, type Extracted } from './extractPool.js';

export const EXTRACTION_CAPS = { troops: 200, meetings: 200, signals: 500, entities: 500 } as const;
/** JSON below this size cannot exceed the caps by much: left as it is. */
const CHECK_ABOVE_BYTES = 64 * 1024;

/** The extraction with each list cut to its cap (the first ones kept: they come in text order). */
export function capExtraction(e: Extraction): Extraction {
  const c = EXTRACTION_CAPS;
  const over =
    e.troops.length > c.troops ||
    e.meetings.length > c.meetings ||
    e.tension.signals.length > c.signals ||
    e.entities.people.length > c.entities ||
    e.entities.places.length > c.entities ||
    e.entities.organizations.length > c.entities;
  if (!over) return e;
  const signals = e.tension.signals.slice(0, c.signals);
  return {
    troops: e.troops.slice(0, c.troops),
    meetings: e.meetings.slice(0, c.meetings),
    // The delta is the signals' sum: recomputed over those kept.
    tension: { delta: Math.round(signals.reduce((sum, s) => sum + s.weight, 0) * 100) / 100, signals },
    entities: {
      people: e.entities.people.slice(0, c.entities),
      places: e.entities.places.slice(0, c.entities),
      organizations: e.entities.organizations.slice(0, c.entities),
    },
  };
}

export function capExtracted(extracted: Extracted): Extracted {
  if (extracted.json.length <= CHECK_ABOVE_BYTES) return extracted;
  const e = extractionOf(extracted);
  const capped = capExtraction(e);
  return capped === e ? extracted : withJson(capped);
}
