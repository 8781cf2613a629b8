/**
 * The wall display (/wall?token=…): a kiosk read from across a room, running unattended.
 * Panels and rotation come from the URL; the data from the live feed; time-driven parts
 * (clocks, countdowns, "updated N s ago") tick in their own small components.
 */
import { useMemo } from 'react';
import type { ReportSummary } from '../../../../shared/report.js';
import { useCrisisState } from '../../realtime/useCrisisState.js';
import { urlToken } from '../../token.js';
import { Clocks } from './Clocks.js';
import { MeetingsPanel } from './MeetingsPanel.js';
import { TensionPanel } from './TensionPanel.js';
import { Ticker } from './Ticker.js';
import { TroopsPanel } from './TroopsPanel.js';
import { useReloadOnDeploy } from './useReloadOnDeploy.js';
import { useRotation } from './useRotation.js';
import { useWallClocks } from './useWallClocks.js';
import { parseWallParams, type MainPanel } from './wallParams.js';
import { StaleBanner, WallStatus } from './WallStatus.js';
import './wall.css';

const NO_REPORTS: ReportSummary[] = [];

export function WallPage() {
  const token = urlToken(); // first: it strips the token from the address bar
  const params = useMemo(() => parseWallParams(window.location.search), []);
  const feed = useCrisisState(token);
  useReloadOnDeploy(feed.newBuild);
  const clocks = useWallClocks(token, params.clocks);
  const pageIndex = useRotation(params.pages.length, params.rotateSeconds);
  const page = params.pages[pageIndex] ?? [];
  const state = feed.state;
  const stale = feed.status !== 'live' && feed.disconnectedAt !== null;

  const panel = (name: MainPanel) => {
    if (!state) return <section key={name} className="wall-panel wall-panel-waiting" />;
    switch (name) {
      case 'tension':
        return <TensionPanel key={name} tension={state.tension} />;
      case 'troops':
        return <TroopsPanel key={name} troops={state.troops} />;
      case 'meetings':
        return <MeetingsPanel key={name} meetings={state.meetings} />;
    }
  };

  return (
    <div className={`wall${stale ? ' is-stale' : ''}`} data-testid="wall" data-seq={state?.seq ?? ''}>
      <header className="wall-header">
        <div className="wall-brand">
          Crisis Desk
          {params.pages.length > 1 && (
            <span className="wall-page-dots" aria-label={`Page ${pageIndex + 1} of ${params.pages.length}`}>
              {params.pages.map((_, i) => (
                <span key={i} className={i === pageIndex ? 'on' : ''} />
              ))}
            </span>
          )}
        </div>
        {params.strips.clocks ? <Clocks clocks={clocks} /> : <span />}
        <WallStatus
          status={feed.status}
          statusDetail={feed.statusDetail}
          lastDataAt={feed.lastDataAt}
          disconnectedAt={feed.disconnectedAt}
        />
      </header>
      <StaleBanner
        status={feed.status}
        statusDetail={feed.statusDetail}
        lastDataAt={feed.lastDataAt}
        disconnectedAt={feed.disconnectedAt}
      />
      <main key={pageIndex} className={`wall-main panels-${page.length} ${page.map((p) => `has-${p}`).join(' ')}`}>
        {page.map(panel)}
        {!state && (
          <p className="wall-waiting">{feed.status === 'live' ? 'Loading the picture…' : 'Connecting to the desk…'}</p>
        )}
      </main>
      {params.strips.ticker && <Ticker reports={state?.reports ?? NO_REPORTS} />}
    </div>
  );
}
