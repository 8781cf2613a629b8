/**
 * The wall as it stood at a past moment (/wall?asOf=ISO&crisis=SLUG), for post-mortems: the
 * picture is read once from GET /api/state?asOf= and never updated live, and the header says
 * "as of …" where the live wall shows its connection, so nobody takes it for the present.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReportSummary } from '../../../../shared/report.js';
import { crisisNamer, fetchCrises } from '../../api/crises.js';
import { fetchStateAsOf, formatMoment, type AsOfState } from '../../api/stateAsOf.js';
import { Ticker } from './Ticker.js';
import { WallBrand } from './WallBrand.js';
import { parseWallParams } from './wallParams.js';
import { WallPanel } from './WallPanels.js';
import './wall.css';

const NO_REPORTS: ReportSummary[] = [];

export function AsOfWall({ token, asOf }: { token: string | undefined; asOf: string }) {
  const params = useMemo(() => parseWallParams(window.location.search), []);
  const crisis = useMemo(() => new URLSearchParams(window.location.search).get('crisis') ?? undefined, []);
  const [state, setState] = useState<AsOfState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nameOf, setNameOf] = useState(() => crisisNamer(null));

  useEffect(() => {
    const abort = new AbortController();
    fetchStateAsOf(crisis, asOf, token, abort.signal).then(setState, (err: unknown) => {
      if (!abort.signal.aborted) setError((err as Error).message);
    });
    fetchCrises(token).then(
      (listing) => setNameOf(() => crisisNamer(listing.crises)),
      () => undefined,
    );
    return () => abort.abort();
  }, [crisis, asOf, token]);

  const shown = state?.crisis ?? '';
  const panels = [...new Set(params.pages.flat())];
  return (
    <div className="wall is-as-of" data-testid="wall" data-as-of={state?.asOf ?? ''} data-crisis={shown}>
      <header className="wall-header">
        <WallBrand
          crisisName={shown ? nameOf(shown) : null}
          crisis={shown}
          playlist={[]}
          turn={0}
          nameOf={nameOf}
          pages={1}
          pageIndex={0}
        />
        <span />
        <p className="wall-as-of" role="status" data-testid="wall-as-of">
          {state ? <>As of {formatMoment(state.asOf)}</> : 'As of …'}
          <span className="wall-as-of-note">not live · a picture of the past</span>
        </p>
      </header>
      <main className={`wall-main panels-${panels.length} ${panels.map((p) => `has-${p}`).join(' ')}`}>
        {!error && panels.map((name) => <WallPanel key={name} name={name} state={state} />)}
        {error && (
          <p className="wall-waiting" role="alert" data-testid="wall-as-of-error">
            Cannot show that moment: {error}
          </p>
        )}
      </main>
      {params.strips.ticker && <Ticker key={shown} reports={state?.reports ?? NO_REPORTS} />}
    </div>
  );
}
