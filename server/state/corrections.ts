/**
 * Applying journalists' corrections to an extraction (pure). Indexes refer to the original
 * arrays; sets apply in order (later wins), rejected items are removed, added items are
 * appended (with empty evidence when none is given), and out-of-range indexes are ignored
 * so a correction made against an older extraction cannot hit the wrong item.
 */
import type { Correction } from '../../shared/corrections.js';
import type { Extraction, MeetingMention, TroopMention } from '../../shared/extraction.js';

const noEvidence = (): TroopMention['evidence'] => ({ text: '', start: 0, end: 0 });

type Optional = 'low' | 'high' | 'actor' | 'location' | 'claimedBy';

/** Sets, or with null clears, one optional troop field. */
function setOptional<K extends Optional>(t: TroopMention, key: K, v: TroopMention[K] | null | undefined): void {
  if (v === undefined) return;
  if (v === null) delete t[key];
  else t[key] = v;
}

/** The extraction as corrected. Does not modify its arguments. */
export function applyCorrections(extraction: Extraction, corrections: readonly Correction[]): Extraction {
  const troops = extraction.troops.map((t): TroopMention => ({ ...t, evidence: { ...t.evidence } }));
  const meetings = extraction.meetings.map((m): MeetingMention => ({
    ...m,
    participants: [...m.participants],
    evidence: { ...m.evidence },
  }));
  const rejectedTroops = new Set<number>();
  const rejectedMeetings = new Set<number>();
  const addedTroops: TroopMention[] = [];
  const addedMeetings: MeetingMention[] = [];

  for (const c of corrections) {
    switch (c.kind) {
      case 'troop.set': {
        const t = troops[c.index];
        if (!Number.isInteger(c.index) || !t) break;
        if (c.value !== undefined) t.value = c.value;
        if (c.qualifier !== undefined) t.qualifier = c.qualifier;
        if (c.hypothetical !== undefined) t.hypothetical = c.hypothetical;
        setOptional(t, 'low', c.low);
        setOptional(t, 'high', c.high);
        setOptional(t, 'actor', c.actor);
        setOptional(t, 'location', c.location);
        setOptional(t, 'claimedBy', c.claimedBy);
        break;
      }
      case 'troop.reject':
        if (c.index >= 0 && c.index < troops.length) rejectedTroops.add(c.index);
        break;
      case 'troop.add':
        addedTroops.push({ ...c.troop, evidence: c.troop.evidence ? { ...c.troop.evidence } : noEvidence() });
        break;
      case 'meeting.set': {
        const m = meetings[c.index];
        if (!Number.isInteger(c.index) || !m) break;
        if (c.date !== undefined) m.date = c.date;
        if (c.place !== undefined) m.place = c.place;
        if (c.status !== undefined) m.status = c.status;
        if (c.meetingKind !== undefined) m.kind = c.meetingKind;
        if (c.participants !== undefined) m.participants = [...c.participants];
        break;
      }
      case 'meeting.reject':
        if (c.index >= 0 && c.index < meetings.length) rejectedMeetings.add(c.index);
        break;
      case 'meeting.add':
        addedMeetings.push({
          ...c.meeting,
          participants: [...c.meeting.participants],
          evidence: c.meeting.evidence ? { ...c.meeting.evidence } : noEvidence(),
        });
        break;
    }
  }

  return {
    ...extraction,
    troops: [...troops.filter((_, i) => !rejectedTroops.has(i)), ...addedTroops],
    meetings: [...meetings.filter((_, i) => !rejectedMeetings.has(i)), ...addedMeetings],
  };
}
