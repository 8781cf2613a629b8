/** The selected report: its crises, verdicts, its text with facts highlighted, flags, corrections and audit trail. */
import { useState } from 'react';
import type { Crisis } from '../../../../shared/crisis.js';
import type { SessionUser } from '../../../../shared/desk.js';
import type { Flag, ReportDetail } from '../../../../shared/report.js';
import type { ReportVerification } from '../../../../shared/verification.js';
import { AuditView } from './AuditView.js';
import { CorrectionPanel } from './CorrectionPanel.js';
import { ReportCrises } from './crises/ReportCrises.js';
import { FlagButtons } from './FlagButtons.js';
import { ReportText } from './ReportText.js';
import { FactChecks } from './verification/FactChecks.js';
import { VerificationChip } from './verification/VerificationControl.js';

type Tab = 'facts' | 'audit';

export function ReportPanel(props: {
  report: ReportDetail;
  revision: number;
  canFlag: boolean;
  crises: readonly Crisis[];
  onFlags: (flags: Flag[]) => void;
  user: SessionUser;
  onVerification: (verification: ReportVerification) => void;
}) {
  const { report: r } = props;
  const [tab, setTab] = useState<Tab>('facts');
  return (
    <section className="desk-panel" data-testid="report-panel" data-report-id={r.id}>
      <div className="report-meta">
        <time dateTime={r.report.dateline}>{r.report.dateline}</time>
        {r.report.source && <span className="source">{r.report.source}</span>}
        <span>{r.status}</span>
        {r.report.url && (
          <a href={r.report.url} target="_blank" rel="noreferrer noopener">
            source
          </a>
        )}
      </div>
      <h2>
        {r.report.title ?? 'Untitled report'}{' '}
        <VerificationChip status={r.verification?.status ?? 'unverified'} locked={r.verification?.locked} />
      </h2>
      <ul className="desk-flag-list" data-testid="panel-flags">
        {r.flags.map((f) => (
          <li key={f.flag} data-flag={f.flag}>
            <span className={`flag flag-${f.flag}`}>{f.flag}</span> by {f.by}
            {f.note && <> — “{f.note}”</>}
          </li>
        ))}
      </ul>
      {props.canFlag && <FlagButtons id={r.id} flags={r.flags} onFlags={props.onFlags} />}
      <ReportCrises
        reportId={r.id}
        assigned={r.crises}
        overrides={r.overrides}
        crises={props.crises}
        canAssign={props.canFlag}
      />
      <FactChecks
        reportId={r.id}
        revision={props.revision}
        verification={r.verification}
        user={props.user}
        onChanged={props.onVerification}
      />
      <ReportText text={r.report.text} extraction={r.extraction} />
      <p className="desk-legend hint">
        <mark className="fact fact-troop">troops</mark> <mark className="fact fact-meeting">meeting</mark>{' '}
        <mark className="fact fact-tension">tension</mark>
      </p>
      <div className="desk-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'facts'} onClick={() => setTab('facts')}>
          Facts &amp; corrections
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'audit'}
          data-testid="tab-audit"
          onClick={() => setTab('audit')}
        >
          Audit trail
        </button>
      </div>
      {tab === 'facts' ? (
        <CorrectionPanel id={r.id} revision={props.revision} canEdit={props.canFlag} />
      ) : (
        <AuditView id={r.id} revision={props.revision} />
      )}
    </section>
  );
}
