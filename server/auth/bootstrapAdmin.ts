/**
 * The first admin, user `admin`, created once per store: with ADMIN_PASSWORD when set, else
 * with a generated password printed once to stdout (never to the logs, which may be shipped
 * elsewhere). A marker in Redis records that it happened, so a later start never prints or
 * recreates it — even if an operator has since removed or renamed the account.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Keys } from '../storage/keys.js';
import type { UserStore } from '../storage/userStore.js';
import { hashPassword } from './passwords.js';

export const BOOTSTRAP_ADMIN = 'admin';

export type BootstrapOptions = {
  adminPassword?: string;
  /** Where the generated password goes (stdout in production). */
  print: (text: string) => void;
  log: Logger;
};

/** Returns true when this call created the admin (on exactly one api node, whichever starts first). */
export async function bootstrapAdmin(
  redis: Redis,
  keys: Keys,
  users: UserStore,
  options: BootstrapOptions,
): Promise<boolean> {
  if (await redis.exists(keys.adminBootstrapped)) return false;
  const generated = options.adminPassword === undefined;
  const password = options.adminPassword ?? randomBytes(15).toString('base64url');
  const now = new Date().toISOString();
  // Creating the user is the lock: only one api node wins it, and only that one prints.
  const created = await users.create(
    {
      username: BOOTSTRAP_ADMIN,
      role: 'admin',
      passwordHash: await hashPassword(password),
      createdAt: now,
      createdBy: 'bootstrap',
    },
    {
      at: now,
      by: 'bootstrap',
      role: 'system',
      action: 'user.created',
      target: BOOTSTRAP_ADMIN,
      before: null,
      after: { username: BOOTSTRAP_ADMIN, role: 'admin' },
    },
  );
  if (created && generated) {
    options.print(
      `\n  First admin created: user "${BOOTSTRAP_ADMIN}", password ${password}\n` +
        '  It is shown only this once. Change it with: npm run user -- passwd admin\n\n',
    );
  }
  await redis.set(keys.adminBootstrapped, JSON.stringify({ at: now, generated, printed: created && generated }));
  if (created) options.log.info({ generated }, 'first admin account created');
  return created;
}
