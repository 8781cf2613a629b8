/**
 * Account management for operators:
 *   npm run user -- add NAME ROLE      (viewer | journalist | editor | admin)
 *   npm run user -- passwd NAME
 *   npm run user -- role NAME ROLE
 *   npm run user -- remove NAME
 *   npm run user -- list
 * The password comes from NEW_USER_PASSWORD, or is asked for (twice, not echoed). Connects to
 * REDIS_URL, or to the Redis `npm start` runs under DATA_DIR (default ./data). KEY_PREFIX as the app.
 * Changing a role or password, or removing a user, ends that user's sessions everywhere.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { isReservedUsername, passwordSchema, usernameSchema, type AuditEntry } from '../shared/desk.js';
import { accountRoles, type AccountRole } from '../shared/roles.js';
import { hashPassword } from '../server/auth/passwords.js';
import { keysFor } from '../server/storage/keys.js';
import { redisOptionsFromUrl } from '../server/storage/redis.js';
import { SessionStore } from '../server/storage/sessionStore.js';
import { SubscriptionStore } from '../server/storage/subscriptionStore.js';
import { UserStore, toPublicUser } from '../server/storage/userStore.js';

const USAGE = 'usage: npm run user -- add NAME ROLE | passwd NAME | role NAME ROLE | remove NAME | list';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function redisUrl(): string {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  const socket = path.resolve(process.env.DATA_DIR || './data', 'redis.sock');
  if (existsSync(socket)) return `unix://${socket}`;
  return fail('Set REDIS_URL (e.g. redis://127.0.0.1:6379), or run this beside a running `npm start`.');
}

/** Reads a line without echoing it (a password). */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function newPassword(): Promise<string> {
  let password = process.env.NEW_USER_PASSWORD;
  if (password === undefined) {
    if (!process.stdin.isTTY) fail('Set NEW_USER_PASSWORD, or run this in a terminal to be asked for the password.');
    password = await askHidden('Password: ');
    if ((await askHidden('Again: ')) !== password) fail('The two passwords differ.');
  }
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) fail(parsed.error.issues[0]?.message ?? 'invalid password');
  return parsed.data;
}

function username(value: string | undefined): string {
  const parsed = usernameSchema.safeParse(value);
  if (!parsed.success) fail(`${parsed.error.issues[0]?.message ?? 'invalid username'}\n${USAGE}`);
  return parsed.data;
}

function role(value: string | undefined): AccountRole {
  if (!accountRoles.includes(value as AccountRole)) fail(`ROLE must be one of ${accountRoles.join(', ')}\n${USAGE}`);
  return value as AccountRole;
}

function audit(action: AuditEntry['action'], target: string, before: unknown, after: unknown): AuditEntry {
  const by = `operator:${process.env.USER ?? 'cli'}`;
  return { at: new Date().toISOString(), by, role: 'operator', action, target, before, after };
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const keys = keysFor(process.env.KEY_PREFIX || 'cd');
  const redis = new Redis({ ...redisOptionsFromUrl(redisUrl()), maxRetriesPerRequest: 1, connectTimeout: 5000 });
  const users = new UserStore(redis, keys);
  const sessions = new SessionStore(redis, keys);
  try {
    switch (command) {
      case 'add': {
        const name = username(args[0]);
        if (isReservedUsername(name)) fail(`"${name}" belongs to a token or to the system; choose another name.`);
        const newRole = role(args[1]);
        const passwordHash = await hashPassword(await newPassword());
        const user = {
          username: name,
          role: newRole,
          passwordHash,
          createdAt: new Date().toISOString(),
          createdBy: audit('user.created', name, null, null).by,
        };
        if (!(await users.create(user, audit('user.created', name, null, { username: name, role: newRole }))))
          fail(`A user named ${name} already exists.`);
        console.log(`Created ${name} (${newRole}).`);
        break;
      }
      case 'passwd': {
        const name = username(args[0]);
        const passwordHash = await hashPassword(await newPassword());
        if (!(await users.update(name, { passwordHash }, audit('user.updated', name, null, { passwordChanged: true }))))
          fail(`No user named ${name}.`);
        await sessions.revokeAll(name);
        console.log(`Password of ${name} changed; their sessions are ended.`);
        break;
      }
      case 'role': {
        const name = username(args[0]);
        const newRole = role(args[1]);
        const before = await users.get(name);
        if (
          !before ||
          !(await users.update(
            name,
            { role: newRole },
            audit('user.updated', name, { role: before.role }, { role: newRole }),
          ))
        ) {
          fail(`No user named ${name}.`);
        }
        await sessions.revokeAll(name);
        console.log(`${name} is now ${newRole}; their sessions are ended.`);
        break;
      }
      case 'remove': {
        const name = username(args[0]);
        const before = await users.get(name);
        if (!before || !(await users.remove(name, audit('user.removed', name, toPublicUser(before), null))))
          fail(`No user named ${name}.`);
        const ended = await new SubscriptionStore(redis, keys).deleteAllOf(name);
        await sessions.revokeAll(name);
        console.log(`Removed ${name}${ended ? ` and their ${ended} alert subscriptions` : ''}.`);
        break;
      }
      case 'list':
        for (const u of await users.list())
          console.log(`${u.username}\t${u.role}\tcreated ${u.createdAt} by ${u.createdBy}`);
        break;
      default:
        fail(USAGE);
    }
  } finally {
    redis.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
