/** Zod at the edge: a failed parse becomes a 400 that names each field and what is wrong with it. */
import type { z } from 'zod';
import { BadRequest } from '../errors.js';

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.join('.') || what, message: i.message }));
  throw new BadRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems, 'invalid_input');
}
