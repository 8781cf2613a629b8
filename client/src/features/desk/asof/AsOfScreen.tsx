/**
 * /desk?view=as-of: what the wall of a crisis showed at any moment. A slider runs from the
 * crisis' making to now; in live mode the panels follow the crisis' stream, in as-of mode they
 * show the picture read for the chosen moment (GET /api/state?asOf=), with each figure's sources
 * as they were then. The wall's own panels, and a label no one can miss saying which mode is on.
 */
import { useMemo, useState } from 'react';
import type { Crisis } from '../../../../../shared/crisis.js';
import { formatMoment } from '../../../api/stateAsOf.js';
import { useCrisisState } from '../../../realtime/useCrisisState.js';
import { mainPanels } from '../../wall/wallParams.js';
import { WallPanel } from '../../wall/WallPanels.js';
import { useAsOfState } from './useAsOfState.js';
import '../../wall/wall.css';
import './asof.css';

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function AsOfScreen({ crises }: { crises: Crisis[] }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const crisis = crises.find((c) => c.slug === chosen) ?? crises[0];
  const [atMs, setAtMs] = useState<number | null>(null); // null: live
  const live = useCrisisState(undefined, { crisis: crisis?.slug });
  const past = useAsOfState(crisis?.slug, atMs);
  // The slider's range: from the crisis' making (nothing was folded into it before) to now, in
  // whole seconds so that any second can be chosen.
  const [nowMs, setNowMs] = useState(() => Date.now());
  const startMs = useMemo(() => {
    const made = crisis ? Math.min(Date.parse(crisis.createdAt), nowMs) : nowMs;
    return Math.floor(made / SECOND_MS) * SECOND_MS;
  }, [crisis, nowMs]);

  if (!crisis) return <p className="hint">No crisis is followed yet: make one under Crises.</p>;
  const asOf = atMs !== null;
  const state = asOf ? past.state : live.state;
  const move = (ms: number) => setAtMs(Math.max(startMs, Math.min(nowMs, ms)));

  return (
    <section className="desk-asof" data-testid="desk-asof" data-mode={asOf ? 'as-of' : 'live'}>
      <div className="desk-asof-controls">
        <label>
          Crisis{' '}
          <select
            value={crisis.slug}
            data-testid="asof-crisis"
            onChange={(e) => {
              setChosen(e.target.value);
              setAtMs(null);
            }}
          >
            {crises.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          aria-pressed={!asOf}
          data-testid="asof-live"
          onClick={() => {
            setAtMs(null);
            setNowMs(Date.now());
          }}
        >
          Live
        </button>
        <input
          type="range"
          className="desk-asof-slider"
          aria-label="Moment shown"
          data-testid="asof-slider"
          min={startMs}
          max={nowMs}
          step={SECOND_MS}
          value={atMs ?? nowMs}
          onChange={(e) => move(Number(e.target.value))}
        />
        <button type="button" onClick={() => move((atMs ?? nowMs) - HOUR_MS)} title="One hour earlier">
          −1 h
        </button>
        <button type="button" onClick={() => move((atMs ?? nowMs) - MINUTE_MS)} title="One minute earlier">
          −1 min
        </button>
        <button
          type="button"
          disabled={!asOf}
          onClick={() => move((atMs ?? nowMs) + MINUTE_MS)}
          title="One minute later"
        >
          +1 min
        </button>
      </div>
      <p
        className={`desk-asof-mode ${asOf ? 'is-as-of' : 'is-live'}`}
        role="status"
        data-testid="asof-mode"
        data-as-of={asOf ? (past.state?.asOf ?? '') : ''}
      >
        {asOf ? (
          <>
            As of {formatMoment(past.state?.asOf ?? new Date(atMs).toISOString())} — not live
            {past.loading && <span className="hint"> · reading…</span>}
          </>
        ) : (
          <>● Live — following {crisis.name} as it changes</>
        )}
      </p>
      {asOf && past.error && (
        <p className="error" role="alert">
          {past.error}
        </p>
      )}
      <div className="wall desk-asof-wall" data-testid="asof-wall" data-crisis={state?.crisis ?? ''}>
        <main className={`wall-main panels-3 ${mainPanels.map((p) => `has-${p}`).join(' ')}`}>
          {mainPanels.map((name) => (
            <WallPanel key={name} name={name} state={state} />
          ))}
        </main>
      </div>
    </section>
  );
}
