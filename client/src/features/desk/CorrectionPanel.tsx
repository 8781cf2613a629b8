/**
 * Corrections of one report's extracted facts: change a troop figure, a meeting's date, place
 * or status; reject a false extraction; add a missed meeting. Indexes refer to the machine's
 * own extraction (GET …/corrections gives it), as the server expects.
 */
import { useEffect, useState } from 'react';
import type { Correction } from '../../../../shared/corrections.js';
import {
  meetingKinds,
  meetingStatuses,
  type Extraction,
  type MeetingKind,
  type MeetingStatus,
} from '../../../../shared/extraction.js';
import { api } from '../../api/http.js';

type Loaded = { original: Extraction; corrections: Correction[]; extraction: Extraction | null };

export function CorrectionPanel({ id, revision, canEdit }: { id: string; revision: number; canEdit: boolean }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api<Loaded>('GET', `/api/reports/${id}/corrections`).then(
      (d) => live && setData(d),
      (err: unknown) => live && setMessage((err as Error).message),
    );
    return () => {
      live = false;
    };
  }, [id, revision]);

  async function send(correction: Correction) {
    try {
      await api('POST', `/api/reports/${id}/corrections`, { correction });
      setMessage('Correction saved; the state updates in a moment.');
    } catch (err) {
      setMessage((err as Error).message);
    }
  }

  if (!data) return <p className="hint">{message ?? 'Loading the extracted facts…'}</p>;
  const rejectedTroops = new Set(data.corrections.flatMap((c) => (c.kind === 'troop.reject' ? [c.index] : [])));
  const rejectedMeetings = new Set(data.corrections.flatMap((c) => (c.kind === 'meeting.reject' ? [c.index] : [])));
  const current = data.extraction;

  return (
    <div className="desk-corrections" data-testid="corrections">
      <h3>Troop figures</h3>
      {data.original.troops.length === 0 && <p className="hint">None extracted.</p>}
      {data.original.troops.map((t, i) => (
        <TroopRow
          key={i}
          index={i}
          evidence={t.evidence.text}
          value={t.value}
          rejected={rejectedTroops.has(i)}
          canEdit={canEdit}
          onSend={send}
        />
      ))}
      <h3>Meetings</h3>
      {data.original.meetings.length === 0 && <p className="hint">None extracted.</p>}
      {data.original.meetings.map((m, i) => (
        <MeetingRow
          key={i}
          index={i}
          label={`${m.participants.join(', ')} — “${m.evidence.text}”`}
          date={m.date}
          place={m.place}
          status={m.status}
          rejected={rejectedMeetings.has(i)}
          canEdit={canEdit}
          onSend={send}
        />
      ))}
      {canEdit && <AddMeeting onSend={send} />}
      {current && (
        <p className="hint">
          Now in the state: {current.troops.map((t) => t.value.toLocaleString('en')).join(', ') || 'no troop figure'} ·{' '}
          {current.meetings.map((m) => `${m.place ?? '?'} ${m.date ?? '?'} (${m.status})`).join('; ') || 'no meeting'}
        </p>
      )}
      {message && (
        <p className="desk-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

type Send = (c: Correction) => Promise<void>;

function TroopRow(props: {
  index: number;
  evidence: string;
  value: number;
  rejected: boolean;
  canEdit: boolean;
  onSend: Send;
}) {
  const [value, setValue] = useState(String(props.value));
  return (
    <div className={`correction-row${props.rejected ? ' rejected' : ''}`} data-testid={`troop-${props.index}`}>
      <span className="evidence">“{props.evidence}”</span>
      <input
        type="number"
        min={0}
        aria-label="troops"
        value={value}
        disabled={!props.canEdit}
        onChange={(e) => setValue(e.target.value)}
      />
      {props.canEdit && (
        <>
          <button
            type="button"
            onClick={() => void props.onSend({ kind: 'troop.set', index: props.index, value: Number(value) })}
          >
            Save figure
          </button>
          <button type="button" onClick={() => void props.onSend({ kind: 'troop.reject', index: props.index })}>
            Reject
          </button>
        </>
      )}
    </div>
  );
}

function MeetingRow(props: {
  index: number;
  label: string;
  date: string | null;
  place: string | null;
  status: MeetingStatus;
  rejected: boolean;
  canEdit: boolean;
  onSend: Send;
}) {
  const [date, setDate] = useState(props.date ?? '');
  const [place, setPlace] = useState(props.place ?? '');
  const [status, setStatus] = useState<MeetingStatus>(props.status);
  return (
    <div className={`correction-row${props.rejected ? ' rejected' : ''}`} data-testid={`meeting-${props.index}`}>
      <span className="evidence">{props.label}</span>
      <input
        type="date"
        aria-label="date"
        value={date}
        disabled={!props.canEdit}
        onChange={(e) => setDate(e.target.value)}
      />
      <input aria-label="place" value={place} disabled={!props.canEdit} onChange={(e) => setPlace(e.target.value)} />
      <select
        aria-label="status"
        value={status}
        disabled={!props.canEdit}
        onChange={(e) => setStatus(e.target.value as MeetingStatus)}
      >
        {meetingStatuses.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      {props.canEdit && (
        <>
          <button
            type="button"
            onClick={() =>
              void props.onSend({
                kind: 'meeting.set',
                index: props.index,
                date: date || null,
                place: place || null,
                status,
              })
            }
          >
            Save meeting
          </button>
          <button type="button" onClick={() => void props.onSend({ kind: 'meeting.reject', index: props.index })}>
            Reject
          </button>
        </>
      )}
    </div>
  );
}

function AddMeeting({ onSend }: { onSend: Send }) {
  const [participants, setParticipants] = useState('');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<MeetingKind>('in-person');
  const [status, setStatus] = useState<MeetingStatus>('scheduled');
  const names = participants
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="correction-row add-meeting">
      <strong>Add a missed meeting</strong>
      <input
        aria-label="participants"
        placeholder="Participants, comma-separated"
        value={participants}
        onChange={(e) => setParticipants(e.target.value)}
      />
      <input aria-label="new place" placeholder="Place" value={place} onChange={(e) => setPlace(e.target.value)} />
      <input type="date" aria-label="new date" value={date} onChange={(e) => setDate(e.target.value)} />
      <select aria-label="kind" value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
        {meetingKinds.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <select aria-label="new status" value={status} onChange={(e) => setStatus(e.target.value as MeetingStatus)}>
        {meetingStatuses.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <button
        type="button"
        disabled={names.length === 0}
        onClick={() =>
          void onSend({
            kind: 'meeting.add',
            meeting: { participants: names, place: place || null, date: date || null, kind, status },
          })
        }
      >
        Add meeting
      </button>
    </div>
  );
}
