/** The troop figures of a crisis (every force and theatre) and its tension drivers, each naming its source. */
import type { ForceTroops, PublicState, TroopClaim } from '../../../../../shared/state.js';
import type { ProvenanceMap } from '../../../api/provenance.js';
import { SourceMark } from '../../../components/SourceMark.js';
import { forceLabel } from '../../../components/forceLabel.js';
import { citationKey, type Citation } from './citation.js';

type Props = { state: PublicState; provenance: ProvenanceMap; open: string | null; onOpen: (c: Citation) => void };

function claimText(c: TroopClaim): string {
  const q = c.qualifier === 'exact' ? '' : `${c.qualifier} `;
  return `${q}${c.value.toLocaleString('en')}${c.claimedBy ? `, says ${c.claimedBy}` : ''}`;
}

function CitedRow({
  citation,
  label,
  detail,
  props,
}: {
  citation: Citation;
  label: string;
  detail?: string;
  props: Props;
}) {
  const key = citationKey(citation);
  return (
    <li className={`cited${props.open === key ? ' is-open' : ''}`}>
      <button
        type="button"
        className="cited-open"
        data-testid="cited"
        data-report-id={citation.reportId}
        aria-pressed={props.open === key}
        onClick={() => props.onOpen(citation)}
      >
        {label}
      </button>
      {detail && <span className="hint"> {detail}</span>}{' '}
      <SourceMark provenance={props.provenance.get(citation.reportId)} />
    </li>
  );
}

function ForceBlock({ group, props }: { group: ForceTroops; props: Props }) {
  const name = forceLabel(group.force, group.theatre);
  const claims = [...(group.current?.claims ?? [])].reverse();
  return (
    <div className="force-block" data-testid="force-block">
      <h4>
        {name}
        {group.current && <span className="hint"> · now {group.current.value.toLocaleString('en')}</span>}
      </h4>
      <ul className="cited-list">
        {claims.map((c) => (
          <CitedRow
            key={`${c.reportId}:${c.evidence.start}`}
            citation={{ reportId: c.reportId, span: c.evidence, what: `${name}: ${claimText(c)}` }}
            label={claimText(c)}
            detail={c.asOf}
            props={props}
          />
        ))}
        {group.hypotheticals.map((c) => (
          <CitedRow
            key={`h:${c.reportId}:${c.evidence.start}`}
            citation={{ reportId: c.reportId, span: c.evidence, what: `${name}: ${claimText(c)} (hypothetical)` }}
            label={`${claimText(c)} (hypothetical)`}
            detail={c.asOf}
            props={props}
          />
        ))}
      </ul>
    </div>
  );
}

export function TroopFigures(props: Props) {
  const { troops } = props.state;
  const groups = [troops, ...troops.others].filter((g) => g.current || g.hypotheticals.length > 0);
  return (
    <section className="picture-section" data-testid="picture-troops">
      <h3>Troop figures</h3>
      {groups.length === 0 && <p className="hint">No figure reported yet.</p>}
      {groups.map((g) => (
        <ForceBlock key={`${g.force}|${g.theatre}`} group={g} props={props} />
      ))}
    </section>
  );
}

export function TensionDrivers(props: Props) {
  const { tension } = props.state;
  return (
    <section className="picture-section" data-testid="picture-drivers">
      <h3>
        Tension {Math.round(tension.value)} <span className="hint">({tension.level})</span>
      </h3>
      {tension.drivers.length === 0 && <p className="hint">Nothing has moved the index yet.</p>}
      <ul className="cited-list">
        {tension.drivers.map((d) => (
          <CitedRow
            key={`${d.reportId}:${d.evidence.start}`}
            citation={{ reportId: d.reportId, span: d.evidence, what: `Tension: “${d.phrase}”` }}
            label={`“${d.phrase}” ${d.weight > 0 ? '+' : ''}${d.weight}`}
            detail={d.at.slice(0, 10)}
            props={props}
          />
        ))}
      </ul>
    </section>
  );
}
