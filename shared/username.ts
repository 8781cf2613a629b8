/** How a username is written (its own file: verdicts name assignees without the desk's other schemas). */
import { z } from 'zod';

/** Lower-case letters, digits, dot, dash and underscore; 2–40 characters. */
export const usernameSchema = z
  .string({ error: 'username is required' })
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,39}$/,
    'username: 2–40 letters, digits, ".", "-" or "_", starting with a letter or digit',
  );
