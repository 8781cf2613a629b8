/** Request shapes of the report actions (flags, corrections, audit). */
import { z } from 'zod';
import { flagKinds } from '../../../shared/report.js';

export const reportIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a report id is 32 hexadecimal characters');
export const flagKindSchema = z.enum(flagKinds, { error: `flag must be one of ${flagKinds.join(', ')}` });
