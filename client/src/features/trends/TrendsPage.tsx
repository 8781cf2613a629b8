/**
 * /trends?crisis=SLUG: one crisis over time, live on its stream: troop figures by claimant and
 * by force, tension by actor pair with what drove each rise, and the meetings on a timeline.
 * The picture comes on the socket; the series behind the charts from GET /api/trends, fetched
 * again as the picture changes.
 * Opened with a display token (`?token=`) or a desk session, as the wall is.
 */
import { useMemo } from 'react';
import { useNow } from '../../components/ConnectionBadge.js';
import { AppShell } from '../../components/shell/AppShell.js';
import { useChosenCrisis } from '../../realtime/useChosenCrisis.js';
import { urlToken } from '../../token.js';
import { MeetingTimeline } from './MeetingTimeline.js';
import { TensionTrends } from './TensionTrends.js';
import { TroopTrends } from './TroopTrends.js';
import { useTrendSeries } from './useTrendSeries.js';
import { withSeries } from './withSeries.js';
import './trends.css';

export function TrendsPage() {
  const token = urlToken(); // first: it strips the token from the address bar
  const { crisis, crises, feed, shown, choose } = useChosenCrisis(token);
  const state = feed.state;
  // Today moves the meetings from "coming" to "passed": a minute is fine enough.
  const now = useNow(60_000);
  const trends = useTrendSeries(shown, state, token);
  const [tension, troops] = [state?.tension, state?.troops];
  // Kept while neither part nor the series changes: the charts lay their rows out again only then.
  const drawn = useMemo(
    () => (tension && troops ? withSeries(tension, troops, trends.series) : null),
    [tension, troops, trends.series],
  );

  const name = crises?.find((c) => c.slug === shown)?.name ?? shown ?? '';
  return (
    <AppShell
      connection={feed}
      crisis={shown}
      className="shell-fill"
      tools={
        crises &&
        crises.length > 1 && (
          <select
            className="trends-select"
            aria-label="Crisis"
            value={shown ?? crisis ?? ''}
            onChange={(e) => choose(e.target.value)}
          >
            {crises.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        )
      }
    >
      <main className="trends" data-testid="trends" data-crisis={shown ?? ''} data-seq={state?.seq ?? ''}>
        <h1 className="trends-title">Trends{name && <span className="trends-crisis"> · {name}</span>}</h1>
        {feed.unknown && (
          <p className="error" role="status">
            {feed.unknown.message}
          </p>
        )}
        {feed.status === 'disconnected' && !state && !feed.unknown && (
          <p className="hint">
            Open this page with <code>?token=&lt;display token&gt;</code> or sign in at <a href="/desk">the desk</a>.
          </p>
        )}
        {state && shown === null && <p className="hint">No crisis is followed yet: make one on the desk.</p>}
        {trends.error && (
          <p className="error" role="status">
            The series could not be loaded: {trends.error}
          </p>
        )}
        {state && drawn && shown !== null && (
          <div className="trends-grid" key={shown} data-series-seq={trends.series?.seq ?? ''}>
            <TroopTrends troops={drawn.troops} />
            <TensionTrends tension={drawn.tension} />
            <MeetingTimeline meetings={state.meetings} nowMs={now} />
          </div>
        )}
      </main>
    </AppShell>
  );
}
