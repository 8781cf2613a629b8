/** Says plainly whether the data is live, and how old it is when it is not. */
import { useEffect, useState } from 'react';
import type { CrisisFeed } from '../realtime/useCrisisState.js';

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

/** What the badge needs of a connection: a crisis feed, the desk stream, or any page's socket. */
export type ConnectionView = Pick<CrisisFeed, 'status'> &
  Partial<Pick<CrisisFeed, 'lastDataAt' | 'disconnectedAt' | 'statusDetail'>>;

export function ConnectionBadge({ feed }: { feed: ConnectionView }) {
  const now = useNow();
  const age = feed.lastDataAt ? formatAge(now - feed.lastDataAt) : null;
  if (feed.status === 'live') {
    return (
      <span className="badge badge-live" data-testid="connection" data-status="live">
        ● Live{age ? ` · updated ${age} ago` : ''}
      </span>
    );
  }
  return (
    <span className="badge badge-down" data-testid="connection" data-status={feed.status} role="status">
      {feed.status === 'connecting' && !feed.disconnectedAt ? 'Connecting…' : 'Disconnected — reconnecting'}
      {age ? ` · data is ${age} old` : ''}
      {feed.statusDetail && feed.status !== 'connecting' ? ` (${feed.statusDetail})` : ''}
    </span>
  );
}
