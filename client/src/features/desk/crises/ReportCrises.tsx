/**
 * The crises of the selected report, each with why it is there and who put it there (the
 * routing rules, or a journalist); journalists add it to another crisis or take it out of one,
 * and give a decision made by hand back to the rules.
 */
import { useState } from 'react';
import type { Crisis, CrisisAssignment, CrisisOverride } from '../../../../../shared/crisis.js';
import { api } from '../../../api/http.js';
import { AssignCrisis } from './AssignCrisis.js';

export function ReportCrises(props: {
  reportId: string;
  assigned: CrisisAssignment[] | undefined;
  /** Journalists' decisions, by slug: they hold over the rules until given back. */
  overrides: Record<string, CrisisOverride> | undefined;
  crises: readonly Crisis[];
  canAssign: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<string | null>(null);
  const nameOf = (slug: string) => props.crises.find((c) => c.slug === slug)?.name ?? slug;
  const assigned = props.assigned;

  async function send(slug: string, path: string) {
    setError(null);
    setLeaving(slug);
    try {
      await api('DELETE', path);
    } catch (err) {
      setLeaving(null);
      setError((err as Error).message);
    }
  }
  const takeOut = (slug: string) => send(slug, `/api/reports/${props.reportId}/crises/${slug}`);
  const toRules = (slug: string) => send(slug, `/api/reports/${props.reportId}/crises/${slug}/override`);
  const takenOut = Object.entries(props.overrides ?? {}).filter(([, o]) => !o.in);

  const others = props.crises.filter((c) => !assigned?.some((a) => a.slug === c.slug));
  return (
    <div className="report-crises" data-testid="report-crises">
      <h3>Crises</h3>
      {assigned === undefined && <p className="hint">Not yet assigned: the report is still being read.</p>}
      {assigned?.length === 0 && (
        <p className="hint">In no crisis: kept in the archive and on the “in no crisis” list.</p>
      )}
      <ul>
        {assigned?.map((a) => (
          <li key={a.slug} data-testid="report-crisis" data-slug={a.slug} data-by={a.by}>
            <span className="crisis-badge">{nameOf(a.slug)}</span> <span className="crisis-why">{a.reason}</span>{' '}
            <span className="hint">{a.by === 'rule' ? '· by the rules' : `· assigned by ${a.by}`}</span>
            {props.canAssign && (
              <button
                type="button"
                className="link-button"
                disabled={leaving === a.slug}
                onClick={() => void takeOut(a.slug)}
              >
                {leaving === a.slug ? 'Taking out…' : 'Take out'}
              </button>
            )}
            {props.canAssign && a.by !== 'rule' && (
              <button type="button" className="link-button" onClick={() => void toRules(a.slug)}>
                Back to the rules
              </button>
            )}
          </li>
        ))}
        {takenOut.map(([slug, o]) => (
          <li key={slug} data-testid="report-crisis-taken-out" data-slug={slug}>
            <span className="crisis-badge is-out">{nameOf(slug)}</span>{' '}
            <span className="hint">taken out by {o.by}</span>{' '}
            {props.canAssign && (
              <button type="button" className="link-button" onClick={() => void toRules(slug)}>
                Back to the rules
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.canAssign && assigned !== undefined && others.length > 0 && (
        <AssignCrisis key={assigned.map((a) => a.slug).join()} reportId={props.reportId} crises={others} label="Add" />
      )}
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
