/**
 * Honest connection state: live with "updated N s ago", or a plain red "disconnected"
 * with how old the data is. Ticks on its own every second.
 */
import { useNow, formatAge } from '../../components/ConnectionBadge.js';
import type { CrisisFeed } from '../../realtime/useCrisisState.js';
import './wallHeader.css';

type Props = Pick<CrisisFeed, 'status' | 'statusDetail' | 'lastDataAt' | 'disconnectedAt'>;

export function WallStatus({ status, statusDetail, lastDataAt, disconnectedAt }: Props) {
  const now = useNow(1000);
  const age = lastDataAt === null ? null : formatAge(now - lastDataAt);
  if (status === 'live') {
    return (
      <div className="wall-status is-live" data-testid="connection" data-status="live">
        <span className="wall-status-dot" aria-hidden="true" />
        <span className="wall-status-word">Live</span>
        <span className="wall-status-age">{age === null ? 'waiting for data' : `updated ${age} ago`}</span>
      </div>
    );
  }
  const unauthorised = statusDetail?.startsWith('unauthorized') || statusDetail === 'forbidden';
  const word = unauthorised
    ? 'Not authorised'
    : status === 'connecting' && disconnectedAt === null
      ? 'Connecting'
      : 'Disconnected';
  return (
    <div
      className="wall-status is-down"
      data-testid="connection"
      data-status={status}
      role="status"
      aria-live="assertive"
    >
      <span className="wall-status-dot" aria-hidden="true" />
      <span className="wall-status-word">{word}</span>
      <span className="wall-status-age" data-testid="data-age">
        {age === null ? (unauthorised ? 'open /wall?token=<display token>' : 'no data yet') : `data ${age} old`}
      </span>
    </div>
  );
}

/** A banner across the wall while it is not live with data: nobody should mistake old figures for news. */
export function StaleBanner({ status, lastDataAt, disconnectedAt }: Props) {
  const now = useNow(1000);
  if (status === 'live' || disconnectedAt === null || lastDataAt === null) return null;
  return (
    <div className="wall-banner" role="alert" data-testid="stale-banner">
      <strong>Connection lost</strong>
      <span>
        {formatAge(now - disconnectedAt)} ago · reconnecting · figures on screen are {formatAge(now - lastDataAt)} old
      </span>
    </div>
  );
}
