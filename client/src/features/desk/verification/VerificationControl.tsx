/**
 * A verdict's chip and its controls: the status menu (a native select: keyboard and screen
 * readers for free), "Take" for a journalist, the assignee for editors (typed, with the
 * journalists and editors offered as suggestions), and the editor's lock.
 * A locked verdict shows its lock and offers a journalist nothing to change.
 */
import { useEffect, useId, useState } from 'react';
import type { SessionUser } from '../../../../../shared/desk.js';
import {
  openVerificationStatuses,
  verificationStatuses,
  type FactRef,
  type ReportVerification,
  type VerificationInput,
  type VerificationStatus,
} from '../../../../../shared/verification.js';
import { assigneeNames, putVerdict, verdictIn } from './verificationApi.js';
import './verification.css';

const statusNames: Record<VerificationStatus, string> = {
  unverified: 'Unverified',
  'in-progress': 'Checking',
  verified: 'Verified',
  false: 'False',
  inconclusive: 'Inconclusive',
};

export function VerificationChip({ status, locked }: { status: VerificationStatus; locked?: boolean }) {
  return (
    <span className={`verdict-chip verdict-${status}`} data-testid="verdict-chip" data-status={status}>
      {statusNames[status]}
      {locked && ' · locked'}
    </span>
  );
}

export function VerificationControl(props: {
  reportId: string;
  fact: FactRef | null;
  verification: ReportVerification | undefined;
  user: SessionUser;
  label: string;
  onChanged: (verification: ReportVerification) => void;
}) {
  const verdict = verdictIn(props.verification, props.fact);
  const editor = props.user.role === 'editor' || props.user.role === 'admin';
  const canJudge = props.user.role !== 'viewer' && (editor || !verdict.locked);
  const [assignee, setAssignee] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [names, setNames] = useState<string[]>([]);
  const listId = useId();
  useEffect(() => {
    let live = true;
    if (editor) void assigneeNames().then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, [editor]);

  async function send(input: Partial<VerificationInput>) {
    setBusy(true);
    try {
      const answer = await putVerdict(props.reportId, props.fact, { status: verdict.status, ...input });
      props.onChanged(answer.verification);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const testId = props.fact ? `verdict-${props.fact.kind}-${props.fact.index}` : 'verdict-report';
  return (
    <div className="verdict" data-testid={testId} role="group" aria-label={`Verification of ${props.label}`}>
      <VerificationChip status={verdict.status} locked={verdict.locked} />
      {verdict.assignee && (
        <span className="verdict-assignee" data-testid="verdict-assignee">
          checking: {verdict.assignee}
        </span>
      )}
      {canJudge && (
        <>
          <select
            aria-label={`Verdict on ${props.label}`}
            data-testid="verdict-status"
            value={verdict.status}
            onChange={(e) => void send({ status: e.target.value as VerificationStatus })}
          >
            {verificationStatuses.map((s) => (
              <option key={s} value={s}>
                {statusNames[s]}
              </option>
            ))}
          </select>
          {verdict.assignee !== props.user.username && openVerificationStatuses.includes(verdict.status) && (
            <button
              type="button"
              data-testid="verdict-take"
              disabled={busy}
              onClick={() =>
                void send({
                  assignee: props.user.username,
                  status: verdict.status === 'unverified' ? 'in-progress' : verdict.status,
                })
              }
            >
              Take
            </button>
          )}
          {verdict.assignee === props.user.username && (
            <button type="button" disabled={busy} onClick={() => void send({ assignee: null })}>
              Hand back
            </button>
          )}
        </>
      )}
      {editor && (
        <>
          <form
            className="verdict-give"
            onSubmit={(e) => {
              e.preventDefault();
              if (assignee.trim()) void send({ assignee: assignee.trim().toLowerCase() }).then(() => setAssignee(''));
            }}
          >
            <input
              aria-label={`Give ${props.label} to (username)`}
              data-testid="verdict-assignee-input"
              placeholder="give to…"
              list={listId}
              value={assignee}
              maxLength={40}
              onChange={(e) => setAssignee(e.target.value)}
            />
            <datalist id={listId}>
              {names.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
            <button type="submit" disabled={busy || !assignee.trim()}>
              Give
            </button>
          </form>
          <button
            type="button"
            data-testid="verdict-lock"
            aria-pressed={Boolean(verdict.locked)}
            disabled={busy}
            onClick={() => void send({ locked: !verdict.locked })}
          >
            {verdict.locked ? 'Unlock' : 'Lock'}
          </button>
        </>
      )}
      {error && (
        <span className="desk-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
