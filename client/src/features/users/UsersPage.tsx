/**
 * /users: the accounts and their roles, for admins (GET /api/users). Accounts are made and changed
 * with `npm run user` or the API (docs/api.md); this page shows who can do what.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/http.js';
import { AppShell } from '../../components/shell/AppShell.js';
import { useCrisisState } from '../../realtime/useCrisisState.js';

type Account = { username: string; role: string; createdAt: string; createdBy: string };
type Load = { status: 'loading' } | { status: 'refused'; message: string } | { status: 'ready'; users: Account[] };

export function UsersPage() {
  const live = useCrisisState(undefined, { desk: true });
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    api<{ users: Account[] }>('GET', '/api/users').then(
      (r) => setLoad({ status: 'ready', users: [...r.users].sort((a, b) => a.username.localeCompare(b.username)) }),
      (err: Error) =>
        setLoad({
          status: 'refused',
          message:
            err instanceof ApiError && err.status === 401
              ? 'Accounts are for admins: sign in at the desk first.'
              : err instanceof ApiError && err.status === 403
                ? 'Accounts are for admins; your role cannot see them.'
                : err.message,
        }),
    );
  }, []);

  return (
    <AppShell connection={live}>
      <main className="page users-page">
        <h1>Users</h1>
        {load.status === 'loading' && <p className="hint">Loading…</p>}
        {load.status === 'refused' && (
          <p className="hint" data-testid="users-refused">
            {load.message}
          </p>
        )}
        {load.status === 'ready' && (
          <table className="users-table" data-testid="users">
            <thead>
              <tr>
                <th>User</th>
                <th>Role</th>
                <th>Made</th>
              </tr>
            </thead>
            <tbody>
              {load.users.map((u) => (
                <tr key={u.username}>
                  <td>{u.username}</td>
                  <td>{u.role}</td>
                  <td>
                    {u.createdAt.slice(0, 10)} by {u.createdBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </AppShell>
  );
}
