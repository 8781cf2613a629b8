/**
 * /desk?view=picture: one crisis' picture as the wall shows it, every figure, meeting step and
 * tension driver naming its source; clicking one opens its report beside the list (over it, on a
 * phone) with the sentence it came from highlighted.
 */
import { useState } from 'react';
import type { Crisis } from '../../../../../shared/crisis.js';
import { useProvenance } from '../../../api/provenance.js';
import { useCrisisState } from '../../../realtime/useCrisisState.js';
import { citationKey, type Citation } from './citation.js';
import { TensionDrivers, TroopFigures } from './FigureList.js';
import { MeetingHistory } from './MeetingHistory.js';
import { SourceReport } from './SourceReport.js';
import './provenance.css';

export function PictureScreen({ crises }: { crises: readonly Crisis[] }) {
  const [crisis, setCrisis] = useState<string | undefined>(undefined);
  const feed = useCrisisState(undefined, { crisis });
  const state = feed.state;
  const provenance = useProvenance(state);
  const [open, setOpen] = useState<Citation | null>(null);
  const openKey = open ? citationKey(open) : null;
  const props = { provenance, open: openKey, onOpen: setOpen };

  return (
    <div className="picture" data-testid="picture">
      <div className="picture-bar">
        <label>
          Crisis{' '}
          <select
            data-testid="picture-crisis"
            value={state?.crisis ?? crisis ?? ''}
            onChange={(e) => {
              setCrisis(e.target.value);
              setOpen(null);
            }}
          >
            {crises.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <span className="hint">Click a figure, a meeting step or a driver to read the sentence it came from.</span>
      </div>
      <div className={`desk-body${open ? ' has-selection' : ''}`}>
        <div className="picture-lists">
          {!state && <p className="hint">Loading the picture…</p>}
          {state && (
            <>
              <TroopFigures state={state} {...props} />
              <MeetingHistory meetings={state.meetings} {...props} />
              <TensionDrivers state={state} {...props} />
            </>
          )}
        </div>
        {open ? (
          <div className="desk-reader" data-testid="desk-reader">
            <button type="button" className="desk-back" data-testid="report-back" onClick={() => setOpen(null)}>
              ← Back to the figures
            </button>
            <section className="desk-panel">
              <SourceReport citation={open} provenance={provenance} />
            </section>
          </div>
        ) : (
          <section className="desk-panel hint">Select a figure to see its source.</section>
        )}
      </div>
    </div>
  );
}
