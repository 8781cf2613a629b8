/**
 * Sign-in for the desk and every page that needs an account (/alerts): POST /api/session; the
 * server sets the httpOnly session cookie. Brings its own styles so other pages can use it.
 */
import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../../shared/desk.js';
import { api } from '../../api/http.js';
import './desk.css';

export type LoginFormProps = {
  onSignedIn: (user: SessionUser) => void;
  /** The page's heading (default "Crisis Desk"). */
  title?: string;
  /** A line above the form saying why signing in is needed. */
  hint?: string;
};

export function LoginForm({ onSignedIn, title = 'Crisis Desk', hint }: LoginFormProps) {
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
      <h1>{title}</h1>
      {hint && <p className="hint">{hint}</p>}
      <form onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
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
