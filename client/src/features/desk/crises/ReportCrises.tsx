/**
 * The crises of the selected report, each with why it is there and who put it there (the
 * routing rules, or a journalist); journalists add it to another crisis or take it out of one.
 */
import { useState } from 'react';
import type { Crisis, CrisisAssignment } from '../../../../../shared/crisis.js';
import { api } from '../../../api/http.js';
import { AssignCrisis } from './AssignCrisis.js';

export function ReportCrises(props: {
  reportId: string;
  assigned: CrisisAssignment[] | undefined;
  crises: readonly Crisis[];
  canAssign: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<string | null>(null);
  const nameOf = (slug: string) => props.crises.find((c) => c.slug === slug)?.name ?? slug;
  const assigned = props.assigned;

  async function takeOut(slug: string) {
    setError(null);
    setLeaving(slug);
    try {
      await api('DELETE', `/api/reports/${props.reportId}/crises/${slug}`);
    } catch (err) {
      setLeaving(null);
      setError((err as Error).message);
    }
  }

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
