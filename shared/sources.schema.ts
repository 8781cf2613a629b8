/** Validation of the sources API's input (PUT /api/sources/:name/tier). */
import { z } from 'zod';
import { sourceTiers } from './sources.js';

/** A source's name as reports give it; matched without regard to case or surrounding spaces. */
export const sourceNameSchema = z
  .string()
  .trim()
  .min(1, 'a source name is required')
  .max(200, 'a source name is at most 200 characters');

export const sourceTierInputSchema = z.object({
  tier: z.enum(sourceTiers, { error: `tier must be one of ${sourceTiers.join(', ')}, or null to clear it` }).nullable(),
});
export type SourceTierInput = z.infer<typeof sourceTierInputSchema>;
