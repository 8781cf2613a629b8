/** The crisis' other forces (US troops on alert, an exercise in a neighbouring country), each on its own row with its own figure. */
import type { ForceTroops } from '../../../../shared/state.js';
import { FlashOnChange } from '../../components/FlashOnChange.js';
import { CitedSource } from '../../components/SourceMark.js';
import { otherForceRows } from './troopGroups.js';

/** Rows on screen: a fixed number, so the panel never scrolls; the rest are counted. */
export const MAX_OTHER_FORCES = 3;

export function OtherForces({ others }: { others: readonly ForceTroops[] }) {
  const { rows, hidden } = otherForceRows(others, MAX_OTHER_FORCES);
  return (
    <div className="other-forces">
      <span className="sub-title">
        Other forces <span className="muted">· figures apart, not in the range above</span>
      </span>
      <table className="other-force-rows" aria-label="Other forces">
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="other-force" data-testid="troops-other" data-force={row.key}>
              <th scope="row" className="other-force-label">
                <span className="other-force-label-text">{row.label}</span>
              </th>
              <td className="other-force-figure">
                {row.figure !== null ? (
                  <FlashOnChange value={row.figure}>
                    <span data-testid="troops-other-figure">{row.figure}</span>
                  </FlashOnChange>
                ) : row.projection !== null ? (
                  <span className="other-force-projection">
                    <span className="hypo-tag">If</span> {row.projection}
                  </span>
                ) : (
                  <span className="muted">no figure yet</span>
                )}
              </td>
              <td className="other-force-date">
                {row.asOf ?? ''} <CitedSource reportId={row.reportId} compact />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && (
        <span className="muted other-forces-more">
          and {hidden} more {hidden === 1 ? 'force' : 'forces'}
        </span>
      )}
    </div>
  );
}
