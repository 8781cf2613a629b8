/**
 * /desk?view=crises: the crises a newsroom follows, with their rules and headline force; editors
 * make, change and remove them (viewers and journalists read only; the server checks the role),
 * and every desk sees the re-assignment of the reports that follows, live.
 */
import { useState } from 'react';
import { hasRules, NO_RULES_NOTICE, type Crisis } from '../../../../../shared/crisis.js';
import { api } from '../../../api/http.js';
import { forceLabel } from '../../../components/forceLabel.js';
import { CrisisForm, type Saved } from './CrisisForm.js';
import { rulesSummary } from './crisisForm.js';
import { ReassignmentBar } from './ReassignmentBar.js';
import type { DeskCrises } from './useCrises.js';

export function CrisesScreen({ desk, canEdit }: { desk: DeskCrises; canEdit: boolean }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const saved = ({ crisis, notice }: Saved) => {
    desk.upsert(crisis);
    setEditing(null);
    setMessage(notice ? `“${crisis.name}” saved. ${notice}` : `“${crisis.name}” saved; reports are re-assigned.`);
  };

  return (
    <section className="crises-screen" data-testid="crises-screen">
      <div className="crises-head">
        <h2>Crises</h2>
        {canEdit && editing !== 'new' && (
          <button type="button" onClick={() => setEditing('new')}>
            New crisis
          </button>
        )}
        {!canEdit && <span className="hint">Editors make and change crises; you can read them.</span>}
      </div>
      <ReassignmentBar progress={desk.reassignment} />
      {message && (
        <p className="desk-message" role="status" data-testid="crises-message">
          {message}
        </p>
      )}
      {desk.error && <p className="desk-error">{desk.error}</p>}
      {editing === 'new' && <CrisisForm onSaved={saved} onCancel={() => setEditing(null)} />}
      {desk.crises?.length === 0 && <p className="hint">No crisis yet: the desk gathers every report, in no crisis.</p>}
      <ol className="crisis-list">
        {desk.crises?.map((c, i) =>
          editing === c.slug ? (
            <li key={c.slug} className="crisis-row">
              <CrisisForm before={c} onSaved={saved} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <CrisisRow
              key={c.slug}
              crisis={c}
              isDefault={i === 0}
              canEdit={canEdit}
              onEdit={() => setEditing(c.slug)}
              onRemoved={() => {
                desk.remove(c.slug);
                setMessage(`“${c.name}” removed; its reports stay in the archive.`);
              }}
            />
          ),
        )}
      </ol>
    </section>
  );
}

function CrisisRow(props: {
  crisis: Crisis;
  isDefault: boolean;
  canEdit: boolean;
  onEdit: () => void;
  onRemoved: () => void;
}) {
  const { crisis: c } = props;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    try {
      await api('DELETE', `/api/crises/${c.slug}`);
      props.onRemoved();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <li className="crisis-row" data-testid="crisis-row" data-slug={c.slug}>
      <div className="crisis-title">
        <strong>{c.name}</strong> <code>{c.slug}</code>
        {props.isDefault && (
          <span className="tag-default" title="Shown where no crisis is named (walls, the feed)">
            default
          </span>
        )}
        <a href={`/wall?crisis=${encodeURIComponent(c.slug)}`}>wall</a>{' '}
        <a href={`/trends?crisis=${encodeURIComponent(c.slug)}`}>trends</a>
      </div>
      <div className="crisis-principal-line">
        {c.principal ? (
          <>Headline troops: {forceLabel(c.principal.force, c.principal.theatre)}</>
        ) : (
          <span className="hint">No headline force: the troop headline is the force cited most recently.</span>
        )}
      </div>
      {hasRules(c) ? (
        <div className="crisis-rules hint">{rulesSummary(c)}</div>
      ) : (
        <div className="crisis-no-rules" data-testid="no-rules">
          {NO_RULES_NOTICE}
        </div>
      )}
      {props.canEdit && (
        <div className="crisis-actions">
          <button type="button" onClick={props.onEdit}>
            Edit
          </button>
          {confirming ? (
            <>
              <span>Remove “{c.name}”? Its reports stay in the archive.</span>
              <button type="button" className="danger" onClick={() => void remove()}>
                Remove crisis
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Remove
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
