/** The flag named in DELETE /api/reports/:id/flags/:flag. */
import { z } from 'zod';
import { flagKinds } from '../../../shared/report.js';

export const flagKindSchema = z.enum(flagKinds, { error: `flag must be one of ${flagKinds.join(', ')}` });
