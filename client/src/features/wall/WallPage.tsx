/**
 * The wall display (/wall?token=…): a kiosk read from across a room, running unattended.
 * The crisis (`?crisis=`, or a playlist `?crises=a,b&rotateCrisesSeconds=60`, see
 * crisisChoice.ts), panels and page rotation come from the URL; the data from the live feed;
 * time-driven parts (clocks, countdowns, "updated N s ago") tick in their own small components.
 * With `?asOf=ISO` it shows the picture as it stood at that moment instead (AsOfWall.tsx).
 */
import { useEffect, useMemo } from 'react';
import type { ReportSummary } from '../../../../shared/report.js';
import { ProvenanceContext, useProvenance } from '../../api/provenance.js';
import { useCrisisState } from '../../realtime/useCrisisState.js';
import { urlToken } from '../../token.js';
import { Clocks } from './Clocks.js';
import { parseCrisisChoice } from './crisisChoice.js';
import { AsOfWall } from './AsOfWall.js';
import { Ticker } from './Ticker.js';
import { useReloadOnDeploy } from './useReloadOnDeploy.js';
import { useRotation } from './useRotation.js';
import { useWallClocks } from './useWallClocks.js';
import { useWallCrisis } from './useWallCrisis.js';
import { WallBrand } from './WallBrand.js';
import { parseWallParams, type MainPanel } from './wallParams.js';
import { WallPanel } from './WallPanels.js';
import { StaleBanner, WallStatus } from './WallStatus.js';
import './wall.css';

const NO_REPORTS: ReportSummary[] = [];

/** `?asOf=ISO` shows the picture of that moment for a post-mortem; otherwise the live wall. */
export function WallPage() {
  const token = urlToken(); // first: it strips the token from the address bar
  const asOf = new URLSearchParams(window.location.search).get('asOf');
  return asOf !== null ? <AsOfWall token={token} asOf={asOf} /> : <LiveWall token={token} />;
}

function LiveWall({ token }: { token: string | undefined }) {
  const params = useMemo(() => parseWallParams(window.location.search), []);
  const choice = useMemo(() => parseCrisisChoice(window.location.search), []);
  const crisis = useWallCrisis(token, choice);
  const feed = useCrisisState(token, { crisis: crisis.wanted });
  const { markGone } = crisis;
  useEffect(() => {
    if (feed.unknown) markGone(feed.unknown.crisis);
  }, [feed.unknown, markGone]);
  useReloadOnDeploy(feed.newBuild);
  const clocks = useWallClocks(token, params.clocks);
  const pageIndex = useRotation(params.pages.length, params.rotateSeconds);
  const page = params.pages[pageIndex] ?? [];
  const state = feed.state;
  // The desk's picture (no crisis made yet) has no figures to show.
  const noCrisis = state !== null && state.crisis === null;
  // A new crisis mounts its panels afresh: nothing flashes as if one crisis' figure became another's.
  const shown = state?.crisis ?? '';
  const stale = feed.status !== 'live' && feed.disconnectedAt !== null;
  const provenance = useProvenance(state, token);

  const panel = (name: MainPanel) => (
    <WallPanel key={name} name={name} state={state} verifiedOnly={params.verifiedOnly} />
  );

  return (
    <div
      className={`wall${stale ? ' is-stale' : ''}${crisis.notices.length > 0 ? ' has-notice' : ''}`}
      data-testid="wall"
      data-seq={state?.seq ?? ''}
      data-crisis={shown}
    >
      <header className="wall-header">
        <WallBrand
          crisisName={shown ? crisis.nameOf(shown) : null}
          crisis={shown}
          playlist={crisis.playlist}
          turn={crisis.turn}
          nameOf={crisis.nameOf}
          pages={params.pages.length}
          pageIndex={pageIndex}
        />
        {params.strips.clocks ? <Clocks clocks={clocks} /> : <span />}
        <WallStatus
          status={feed.status}
          statusDetail={feed.statusDetail}
          lastDataAt={feed.lastDataAt}
          disconnectedAt={feed.disconnectedAt}
        />
      </header>
      {crisis.notices.length > 0 && (
        <p className="wall-notice" role="status" data-testid="wall-notice">
          Not shown: {crisis.notices.join(' · ')}
          {shown && <> — showing “{crisis.nameOf(shown)}”</>}
        </p>
      )}
      <StaleBanner
        status={feed.status}
        statusDetail={feed.statusDetail}
        lastDataAt={feed.lastDataAt}
        disconnectedAt={feed.disconnectedAt}
      />
      <ProvenanceContext.Provider value={provenance}>
        <main
          key={`${shown}/${pageIndex}`}
          className={`wall-main panels-${page.length} ${page.map((p) => `has-${p}`).join(' ')}`}
        >
          {!noCrisis && page.map(panel)}
          {!state && (
            <p className="wall-waiting">
              {feed.status === 'live' ? 'Loading the picture…' : 'Connecting to the desk…'}
            </p>
          )}
          {noCrisis && <p className="wall-waiting">No crisis is followed yet: make one on the desk.</p>}
        </main>
      </ProvenanceContext.Provider>
      {params.strips.ticker && <Ticker key={shown} reports={noCrisis ? NO_REPORTS : (state?.reports ?? NO_REPORTS)} />}
    </div>
  );
}
