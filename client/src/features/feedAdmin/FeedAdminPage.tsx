/**
 * /feeds — editors see every RSS/Atom feed with its last poll, last error and item count,
 * and add or remove feeds. Uses the session cookie; without one it points to the sign-in.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Feed } from '../../../../shared/feeds.js';
import { AppShell } from '../../components/shell/AppShell.js';
import { useCrisisState } from '../../realtime/useCrisisState.js';
import { addFeed, ApiError, listFeeds, removeFeed } from './feedAdminApi.js';
import { SourceTiers } from './SourceTiers.js';
import './feedAdmin.css';

const REFRESH_MS = 10_000;

type Access = 'loading' | 'ok' | 'signed-out' | 'forbidden' | 'error';

function ago(iso: string | undefined): string {
  if (!iso) return 'never';
  const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (s < 60) return `${Math.max(s, 0)} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}

function FeedRow({ feed, onRemove }: { feed: Feed; onRemove: (feed: Feed) => void }) {
  return (
    <tr data-feed-id={feed.id} className={feed.lastError ? 'feed-failing' : ''}>
      <td className="feed-url">
        <a href={feed.url} rel="noreferrer noopener" target="_blank">
          {feed.url}
        </a>
      </td>
      <td>{feed.intervalSeconds} s</td>
      <td title={feed.lastPollAt}>{ago(feed.lastPollAt)}</td>
      <td className="feed-error">
        {feed.lastError ? (
          <>
            {feed.lastError}
            {feed.nextPollAfter && (
              <div className="hint">
                {feed.consecutiveFailures} failed in a row; next try {new Date(feed.nextPollAfter).toLocaleTimeString()}
              </div>
            )}
          </>
        ) : feed.lastPollAt ? (
          'ok'
        ) : (
          '—'
        )}
      </td>
      <td className="feed-count">
        {feed.itemCount}
        {feed.lastNewItems ? <span className="hint"> (+{feed.lastNewItems})</span> : null}
      </td>
      <td>
        <button type="button" onClick={() => onRemove(feed)}>
          Remove
        </button>
      </td>
    </tr>
  );
}

export function FeedAdminPage() {
  const [feeds, setFeeds] = useState<Feed[]>([]);
  const [access, setAccess] = useState<Access>('loading');
  const [message, setMessage] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [interval, setIntervalSeconds] = useState('300');
  const [busy, setBusy] = useState(false);
  // The shell's badge: this page's own data is polled, the desk stream says whether the app is live.
  const live = useCrisisState(undefined, { desk: true });

  // State is set when the answer comes, never synchronously in the effect that asks.
  const refresh = useCallback(
    () =>
      listFeeds().then(
        (list) => {
          setFeeds(list);
          setAccess('ok');
        },
        (err: unknown) => {
          const status = err instanceof ApiError ? err.status : 0;
          setAccess(status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error');
          if (status !== 401 && status !== 403) setMessage((err as Error).message);
        },
      ),
    [],
  );

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const feed = await addFeed({ url: url.trim(), intervalSeconds: Number(interval) });
      setUrl('');
      setMessage(`Added ${feed.url}; the first poll runs now.`);
      await refresh();
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (feed: Feed) => {
    if (!window.confirm(`Stop polling ${feed.url}? Reports already taken stay.`)) return;
    try {
      await removeFeed(feed.id);
      await refresh();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };

  return (
    <AppShell connection={live}>
      <main className="page feeds-page">
        <h1>Feeds</h1>
        {access === 'loading' && <p className="hint">Loading…</p>}
        {access === 'signed-out' && (
          <p className="hint" data-testid="feeds-signin">
            Feeds are managed by editors. Sign in at <a href="/desk">/desk</a>, then come back here.
          </p>
        )}
        {access === 'forbidden' && (
          <p className="hint">Feeds are managed by editors; your role cannot see or change them.</p>
        )}
        {message && (
          <p className="feeds-message" role="status">
            {message}
          </p>
        )}
        {access === 'ok' && (
          <>
            <form className="feeds-form" onSubmit={(e) => void submit(e)}>
              <label>
                RSS or Atom URL
                <input
                  type="url"
                  required
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  placeholder="https://example.org/world.rss"
                />
              </label>
              <label>
                Every (seconds)
                <input
                  type="number"
                  min={1}
                  max={86400}
                  required
                  value={interval}
                  onChange={(e) => setIntervalSeconds(e.target.value)}
                />
              </label>
              <button type="submit" disabled={busy}>
                Add feed
              </button>
            </form>
            {feeds.length === 0 ? (
              <p className="hint">No feeds yet.</p>
            ) : (
              <table className="feeds-table" data-testid="feeds-table">
                <thead>
                  <tr>
                    <th>Feed</th>
                    <th>Interval</th>
                    <th>Last poll</th>
                    <th>Last error</th>
                    <th>Items</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {feeds.map((feed) => (
                    <FeedRow key={feed.id} feed={feed} onRemove={(f) => void remove(f)} />
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        {access === 'ok' && <SourceTiers />}
      </main>
    </AppShell>
  );
}
