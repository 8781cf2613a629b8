/**
 * The people and tokens of the api role: users and sessions, admin-issued tokens, the resolvers
 * that turn credentials into a principal (for HTTP and sockets), the login limits and the first
 * admin. It mounts no routes (server/http/routers.ts does) and touches no sockets
 * (server/realtime/socketRevocation.ts drops those whose credentials were revoked).
 */
import type { Redis } from 'ioredis';
import { trustFunction } from '../http/proxy.js';
import type { RoleContext } from '../roles/context.js';
import { AuditStore } from '../storage/auditStore.js';
import { SessionStore } from '../storage/sessionStore.js';
import { TokenStore } from '../storage/tokenStore.js';
import { UserStore } from '../storage/userStore.js';
import { bootstrapAdmin, writeToTerminal } from './bootstrapAdmin.js';
import { loginLimiters } from './loginLimiter.js';
import { chainTokenResolvers, type SessionResolver, type TokenResolver } from './principal.js';
import { issuedTokenResolver, sessionResolver } from './resolvers.js';

export type AccountsDeps = {
  command: Redis;
  /** Tokens from the environment; admin-issued tokens are tried after them. */
  configTokens: TokenResolver;
};

export function createAccounts(ctx: RoleContext, deps: AccountsDeps) {
  const { config, keys, log } = ctx;
  const { command } = deps;
  const users = new UserStore(command, keys);
  const sessionStore = new SessionStore(command, keys);
  const tokenStore = new TokenStore(command, keys);
  const publicOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : undefined;
  const tokens = chainTokenResolvers(deps.configTokens, issuedTokenResolver(tokenStore));
  const trust = trustFunction(config.TRUST_PROXY);
  const sessions: SessionResolver = sessionResolver(sessionStore, publicOrigin, trust);

  return {
    tokens,
    sessions,
    users,
    sessionStore,
    tokenStore,
    audit: new AuditStore(command),
    publicOrigin,
    trust,
    loginLimiters: loginLimiters(command, keys),

    /** Creates the first admin once per store (prints a generated password once). */
    async bootstrap(): Promise<void> {
      await bootstrapAdmin(command, keys, users, {
        adminPassword: config.ADMIN_PASSWORD,
        // Never stdout or stderr: those are the log stream. (A silent run, such as a test, shows nothing.)
        terminal: (text) => config.LOG_LEVEL === 'silent' || writeToTerminal(text),
        dataDir: config.DATA_DIR,
        log,
      });
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
