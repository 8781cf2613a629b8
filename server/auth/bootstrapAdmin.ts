/**
 * The first admin, user `admin`, created once per store: with ADMIN_PASSWORD when set, else
 * with a generated password shown once on the operator's terminal (the controlling terminal,
 * /dev/tty, never stdout or stderr: those are the log stream, shipped elsewhere). Without a
 * terminal (a container, a service) it goes to a file only its owner can read, under DATA_DIR,
 * and the log says where. A marker in Redis records that it happened, so a later start never
 * shows or recreates it — even if an operator has since removed or renamed the account.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Keys } from '../storage/keys.js';
import type { UserStore } from '../storage/userStore.js';
import { hashPassword } from './passwords.js';

export const BOOTSTRAP_ADMIN = 'admin';

export type BootstrapOptions = {
  adminPassword?: string;
  /** Shows the generated password on the operator's terminal; false when there is none. */
  terminal: (text: string) => boolean;
  /** Where the password goes when there is no terminal (a file of its own, mode 0600). */
  dataDir: string;
  log: Logger;
};

/** Writes to the process' controlling terminal; false when it has none (a container, a service, a pipe). */
export function writeToTerminal(text: string): boolean {
  try {
    const fd = openSync('/dev/tty', 'w');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch {
    return false;
  }
}

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
    const text =
      `\n  First admin created: user "${BOOTSTRAP_ADMIN}", password ${password}\n` +
      '  It is shown only this once. Change it with: npm run user -- passwd admin\n\n';
    if (!options.terminal(text)) {
      mkdirSync(options.dataDir, { recursive: true });
      const file = path.resolve(options.dataDir, 'admin-password.txt');
      writeFileSync(file, text.trimStart(), { mode: 0o600 });
      options.log.warn(
        { file },
        'first admin created with a generated password; no terminal to show it on, so it is in this file (read it, then delete it)',
      );
    }
  }
  await redis.set(keys.adminBootstrapped, JSON.stringify({ at: now, generated, printed: created && generated }));
  if (created) options.log.info({ generated }, 'first admin account created');
  return created;
}
