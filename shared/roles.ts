/**
 * Who may do what, once for the HTTP routes, the sockets and the client (which only hides what a
 * role cannot do; the server decides). Tokens have fixed powers; people have a ladder.
 */

/** A person's role, lowest first. */
export const accountRoles = ['viewer', 'journalist', 'editor', 'admin'] as const;
export type AccountRole = (typeof accountRoles)[number];

/** The roles an admin may issue a token with (INGEST_TOKENS and DISPLAY_TOKEN have them too). */
export const issuedTokenRoles = ['display', 'ingest'] as const;
export type IssuedTokenRole = (typeof issuedTokenRoles)[number];

export type Role = AccountRole | IssuedTokenRole;
export const roles: readonly Role[] = [...issuedTokenRoles, ...accountRoles];

/**
 * 'subscribe' (alert subscriptions) is for people only, any role: a display token sits in every
 * kiosk URL and an ingest token in scripts, and neither may send crisis data out.
 */
export type Permission = 'read' | 'ingest' | 'flag' | 'edit' | 'admin' | 'subscribe';

const rank: Record<AccountRole, number> = { viewer: 1, journalist: 2, editor: 3, admin: 4 };

export function isAccountRole(role: string): role is AccountRole {
  return Object.hasOwn(rank, role);
}

const atLeast = (role: Role, least: AccountRole) => isAccountRole(role) && rank[role] >= rank[least];

export function can(role: Role, permission: Permission): boolean {
  switch (permission) {
    case 'read':
      return role === 'display' || role === 'ingest' || isAccountRole(role);
    case 'ingest':
      return role === 'ingest' || atLeast(role, 'journalist');
    case 'flag':
      return atLeast(role, 'journalist');
    case 'edit':
      return atLeast(role, 'editor');
    case 'admin':
      return role === 'admin';
    case 'subscribe':
      return isAccountRole(role);
  }
}
