/** Sign-in for the desk: POST /api/session; the server sets the httpOnly session cookie. */
import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../../shared/desk.js';
import { api } from './api.js';

export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await api<{ user: SessionUser }>('POST', '/api/session', { username, password });
      setPassword('');
      onSignedIn(user);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page desk-login">
      <h1>Crisis Desk</h1>
      <form onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <label>
          Username
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p className="desk-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
