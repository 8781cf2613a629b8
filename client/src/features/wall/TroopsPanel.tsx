/**
 * Troops: the headline force in its theatre (whose troops, where) with its figure and range, its
 * claims by source side by side, hypotheticals apart, the chart; the crisis' other forces listed
 * apart below, each with its own figure, never merged into the headline's range.
 */
import { memo } from 'react';
import type { PublicTroops } from '../../../../shared/state.js';
import { FlashOnChange } from '../../components/FlashOnChange.js';
import { CitedSource } from '../../components/SourceMark.js';
import { forceLabel } from '../../components/forceLabel.js';
import { claimsBySource, formatClaim, formatCount, formatDay } from './figures.js';
import { OtherForces } from './OtherForces.js';
import { TroopChart } from './TroopChart.js';
import { UnverifiedMark } from './UnverifiedMark.js';
import { isVerified } from './verifiedView.js';
import './troops.css';

const MAX_HYPOTHETICALS = 2;

export const TroopsPanel = memo(function TroopsPanel({
  troops,
  verifiedOnly = false,
}: {
  troops: PublicTroops;
  verifiedOnly?: boolean;
}) {
  const current = troops.current;
  const others = troops.others ?? [];
  // Room for the other forces comes from the headline's list of sources.
  const sources = current ? claimsBySource(current.claims, others.length > 0 ? 3 : 4) : [];
  const hypotheticals = claimsBySource(troops.hypotheticals, MAX_HYPOTHETICALS);
  return (
    <section className="wall-panel troops-panel" aria-labelledby="troops-title" data-testid="troops-panel">
      <h2 id="troops-title" className="panel-title">
        Troops{verifiedOnly && <span className="verified-only"> · verified only</span>}
      </h2>
      <p className="troops-whose" data-testid="troops-headline">
        {forceLabel(troops.force, troops.theatre)}
      </p>
      {current ? (
        <div className="troops-current">
          <FlashOnChange value={current.value} className="troops-value figure">
            <span data-testid="troops-current">{formatCount(current.value)}</span>
          </FlashOnChange>
          {!current.claims.some(isVerified) && <UnverifiedMark />}
          <span className="troops-range">
            {current.low !== current.high ? (
              <FlashOnChange value={`${current.low}-${current.high}`}>
                range {formatCount(current.low)}–{formatCount(current.high)}
              </FlashOnChange>
            ) : (
              'single estimate'
            )}
            <span className="muted"> · as of {formatDay(current.asOf)}</span>
          </span>
        </div>
      ) : (
        <div className="troops-current">
          <span className="troops-value figure muted">—</span>
          <span className="troops-range muted">No troop figure reported yet</span>
        </div>
      )}
      {sources.length > 0 && (
        <table className="troop-claims" aria-label="Claims by source">
          <tbody>
            {sources.map(({ source, claim }) => (
              <tr key={source} className="troop-claim">
                <th scope="row" className="claim-source">
                  <span className="claim-source-line">
                    <span className="claim-source-name">{source}</span>
                  </span>
                  {/* The mark sits on the short line with the report's source: the name keeps its width. */}
                  <span className="claim-marks">
                    <CitedSource reportId={claim.reportId} compact />
                    {!isVerified(claim) && <UnverifiedMark />}
                  </span>
                </th>
                <td className="claim-value">
                  <FlashOnChange value={claim.value}>{formatClaim(claim)}</FlashOnChange>
                </td>
                <td className="claim-date">{formatDay(claim.asOf)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hypotheticals.length > 0 && (
        <ul className="troop-hypotheticals" aria-label="Hypothetical figures">
          {hypotheticals.map(({ source, claim }) => (
            <li key={source}>
              <span className="hypo-tag">If</span> could reach {formatClaim(claim)}
              <span className="muted"> · {source}</span> <CitedSource reportId={claim.reportId} compact />
            </li>
          ))}
        </ul>
      )}
      <TroopChart history={troops.history} />
      {others.length > 0 && <OtherForces others={others} />}
    </section>
  );
});
