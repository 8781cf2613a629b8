/**
 * The report's verdict and one per extracted fact (troop figures and meetings of the machine's
 * own extraction: the indexes verdicts and corrections share), each with its controls.
 */
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../../shared/desk.js';
import type { Extraction, MeetingMention, TroopMention } from '../../../../../shared/extraction.js';
import type { ReportVerification } from '../../../../../shared/verification.js';
import { api } from '../../../api/http.js';
import { VerificationControl } from './VerificationControl.js';

const troopLabel = (t: TroopMention) =>
  `${t.value.toLocaleString('en')} troops${t.actor ? ` (${t.actor})` : ''}${t.location ? ` — ${t.location}` : ''}`;
const meetingLabel = (m: MeetingMention) =>
  `${m.participants.join(', ') || 'meeting'}${m.place ? ` in ${m.place}` : ''}${m.date ? ` on ${m.date}` : ''}`;

export function FactChecks(props: {
  reportId: string;
  revision: number;
  verification: ReportVerification | undefined;
  user: SessionUser;
  onChanged: (verification: ReportVerification) => void;
}) {
  const [original, setOriginal] = useState<Extraction | null>(null);
  useEffect(() => {
    let live = true;
    api<{ original: Extraction }>('GET', `/api/reports/${props.reportId}/corrections`).then(
      (r) => live && setOriginal(r.original),
      () => live && setOriginal(null),
    );
    return () => {
      live = false;
    };
  }, [props.reportId, props.revision]);

  const control = (label: string, fact: { kind: 'troops' | 'meetings'; index: number } | null) => (
    <VerificationControl
      reportId={props.reportId}
      fact={fact}
      verification={props.verification}
      user={props.user}
      label={label}
      onChanged={props.onChanged}
    />
  );
  return (
    <section className="fact-checks" aria-label="Verification" data-testid="fact-checks">
      <h3>Verification</h3>
      <div className="fact-check">
        <span className="fact-what">This report</span>
        {control('this report', null)}
      </div>
      {original?.troops.map((t, index) => (
        <div className="fact-check" key={`t${index}`}>
          <span className="fact-what">
            <mark className="fact fact-troop">{troopLabel(t)}</mark>
          </span>
          {control(troopLabel(t), { kind: 'troops', index })}
        </div>
      ))}
      {original?.meetings.map((m, index) => (
        <div className="fact-check" key={`m${index}`}>
          <span className="fact-what">
            <mark className="fact fact-meeting">{meetingLabel(m)}</mark>
          </span>
          {control(meetingLabel(m), { kind: 'meetings', index })}
        </div>
      ))}
    </section>
  );
}
