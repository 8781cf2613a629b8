/** Request shapes of /api/users (admin). */
import { z } from 'zod';
import { isReservedUsername, passwordSchema, usernameSchema } from '../../../shared/desk.js';
import { accountRoles } from '../../../shared/roles.js';

const roleSchema = z.enum(accountRoles, { error: `role must be one of ${accountRoles.join(', ')}` });

export const createUserSchema = z.object({
  username: usernameSchema.refine(
    (name) => !isReservedUsername(name),
    'username: that name belongs to a token or to the system; choose another',
  ),
  password: passwordSchema,
  role: roleSchema,
});

export const updateUserSchema = z
  .object({ role: roleSchema.optional(), password: passwordSchema.optional() })
  .refine((v) => v.role !== undefined || v.password !== undefined, 'send role and/or password');

export const usernameParamSchema = usernameSchema;
