/** Request shapes of /api/tokens (admin). */
import { z } from 'zod';
import { issuedTokenRoles } from '../../../shared/roles.js';

export const createTokenSchema = z.object({
  name: z
    .string({ error: 'name is required' })
    .trim()
    .min(1, 'name is required')
    .max(80, 'name must be at most 80 characters'),
  role: z.enum(issuedTokenRoles, { error: `role must be one of ${issuedTokenRoles.join(', ')}` }),
});

export const tokenIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a token id is 16 hexadecimal characters');
