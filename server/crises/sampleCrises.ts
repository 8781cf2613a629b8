/**
 * The sample crises (sampleCrises.json): what a fresh deployment follows, and what `npm run eval`
 * routes the corpus among. Russia–Ukraine comes first: the default crisis.
 */
import { crisisInputSchema, type Crisis } from '../../shared/crisis.js';
import data from './sampleCrises.json' with { type: 'json' };

/** The day the samples were made: a fixed date, one second apart, so their order is stable. */
const MADE = Date.UTC(2026, 0, 1);

/** The sample crises, validated, in the file's order (createdAt increasing). */
export function sampleCrises(): Crisis[] {
  return data.crises.map((raw, i) => {
    const c = crisisInputSchema.parse(raw);
    return {
      slug: c.slug,
      name: c.name,
      actors: c.actors,
      places: c.places,
      keywords: c.keywords,
      ...(c.principal ? { principal: c.principal } : {}),
      createdAt: new Date(MADE + i * 1000).toISOString(),
    };
  });
}
