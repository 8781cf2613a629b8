/**
 * Follow-ups: when a fact an alert rested on is corrected, or removed from the wall, everyone the
 * alert reached hears of it on the same channel, once.
 *
 * `announceFactChanges` is the one hook: whatever changes facts (a correction, once re-folded;
 * a verdict of `false`) calls it with the report, the changes and a cause id unique to that
 * cause. It adds one "facts" job to the deliver queue (jobId from the cause), whose run finds the
 * delivered alerts resting on those facts (storage/sentAlertStore.ts) and adds one "followup"
 * job per alert (jobId `<original key>_fix_<cause id>`), delivered and retried like any alert.
 * The jobIds, and the delivered marker each follow-up sets, make it once per cause however often
 * the hook is called again (retries, restarts, several workers).
 */
import type { Meeting } from '../../shared/state.js';
import type { DeliverJob, DeliverQueue } from '../queues/deliverProducer.js';
import type { SentAlertStore } from '../storage/sentAlertStore.js';
import { describeMeeting } from './meetingRules.js';
import {
  changeIndexId,
  factMatches,
  meetingSnapshot,
  troopView,
  type AlertFact,
  type FactChange,
  type MeetingSnapshot,
} from './facts.js';
import type { FactChangeEvent, FollowUp, SentAlertRecord, SentFact } from './followUpTypes.js';
import type { AlertContent } from './types.js';

const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]/g, '.');

/** The key of a follow-up: the original's key (already safe), the report and its cause. */
export const followUpKey = (corrects: string, reportId: string, causeId: string) =>
  `${corrects}_fix_${safe(reportId)}.${safe(causeId)}`;

/**
 * Announces that facts of a report changed; follow-ups go to everyone an alert resting on them
 * reached. Safe to call again for the same cause (nothing is sent twice). A change whose before
 * and after are equal should not be announced: it changes nothing anyone was told.
 */
export async function announceFactChanges(queue: DeliverQueue, event: FactChangeEvent): Promise<void> {
  if (event.changes.length === 0) return;
  const key = `facts_${safe(event.reportId)}_${safe(event.cause.id)}`;
  await queue.add('facts', { kind: 'facts', key, event }, { jobId: key });
}

export type FollowUpPlanDeps = {
  sent: SentAlertStore;
  /** Every crisis' slug now (records are kept per crisis). */
  crisisSlugs(): Promise<string[]>;
  /** A crisis' meetings as on its wall now. */
  meetingsOf(slug: string): Promise<Meeting[]>;
};

type Planned = Extract<DeliverJob, { kind: 'followup' }>;

/**
 * The follow-up jobs a "facts" job stands for: one per alert (per subscription and fact, its
 * latest). With `only`, the follow-ups of that one alert: one delivered after its fact changed.
 */
export async function planFollowUps(
  deps: FollowUpPlanDeps,
  event: FactChangeEvent,
  only?: SentAlertRecord,
): Promise<Planned[]> {
  const scopes = only ? [] : [null, ...(await deps.crisisSlugs())];
  const meetings = new Map<string, Promise<Meeting[]>>();
  const meetingsOf = (slug: string) => {
    if (!meetings.has(slug)) meetings.set(slug, deps.meetingsOf(slug));
    return meetings.get(slug)!;
  };
  const planned = new Map<string, Planned>();
  const firedAt = new Date().toISOString();
  for (const change of event.changes) {
    const records = only ? [only] : await deps.sent.find(scopes, changeIndexId(event.reportId, change));
    for (const { record, fact } of latestPerSubscription(records, event.reportId, change)) {
      const ends = await beforeAfter(change, fact, record, meetingsOf);
      if (!ends) continue;
      const key = followUpKey(record.key, event.reportId, event.cause.id);
      if (planned.has(key)) continue;
      const followUp: FollowUp = {
        corrects: record.key,
        originalTitle: record.title,
        ...(fact.item ? { item: fact.item } : {}),
        ...(record.messageId ? { messageId: record.messageId } : {}),
        fact: {
          kind: fact.kind,
          reportId: event.reportId,
          ...(fact.kind === 'meeting' ? { meetingId: fact.meetingId } : {}),
        },
        before: ends.before,
        after: ends.after,
        cause: event.cause,
        crisis: record.crisis,
      };
      planned.set(key, { kind: 'followup', subscriptionId: record.subscriptionId, key, followUp, firedAt });
    }
  }
  return [...planned.values()];
}

/** A subscriber told several times of one fact hears once, about the latest thing it was told. */
function latestPerSubscription(records: SentAlertRecord[], reportId: string, change: FactChange) {
  const latest = new Map<string, { record: SentAlertRecord; fact: SentFact }>();
  for (const record of records) {
    for (const fact of record.facts) {
      if (!factMatches(fact, reportId, change)) continue;
      const id = `${record.subscriptionId}|${fact.kind === 'meeting' ? fact.meetingId : ''}`;
      const seen = latest.get(id);
      if (!seen || seen.record.at < record.at) latest.set(id, { record, fact });
      break;
    }
  }
  return [...latest.values()];
}

/**
 * The fact before and after, as the follow-up shows them; null when what the subscriber was told
 * still holds. A meeting is compared as told against the wall now: a correction of one report's
 * mention that leaves the meeting as it was changes nothing the subscriber was told.
 */
async function beforeAfter(
  change: FactChange,
  fact: AlertFact,
  record: SentAlertRecord,
  meetingsOf: (slug: string) => Promise<Meeting[]>,
): Promise<{ before: unknown; after: unknown } | null> {
  if (change.kind === 'troop') return { before: troopView(change.before), after: troopView(change.after) };
  if (change.kind === 'report') return { before: change.before, after: change.after };
  if (fact.kind !== 'meeting' || record.crisis === null) return null;
  const now = (await meetingsOf(record.crisis)).find((m) => m.id === fact.meetingId);
  const after = now && now.sources.length > 0 ? meetingSnapshot(now) : null;
  if (JSON.stringify(after) === JSON.stringify(fact.meeting)) return null;
  return { before: fact.meeting, after };
}

const num = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-US') : '?');

function troopText(t: unknown): string {
  const v = t as { value?: number; actor?: string; location?: string; claimedBy?: string };
  const parts = [`${num(v.value)} troops`];
  if (v.actor) parts.push(`of ${v.actor}`);
  if (v.location) parts.push(`near ${v.location}`);
  if (v.claimedBy) parts.push(`according to ${v.claimedBy}`);
  return parts.join(' ');
}

function meetingText(m: unknown): string {
  const s = m as MeetingSnapshot;
  return `${describeMeeting(s)} (${s.status})`;
}

/** What a person reads in a follow-up, whatever the channel. */
export function followUpContent(f: FollowUp): AlertContent {
  const what = f.cause.type === 'correction' ? 'corrected' : 'judged false';
  // A digest's follow-up names the grouped alert it is about: the digest's title leads with another.
  const title = `Correction: ${f.item ?? f.originalTitle}`;
  const alert = f.item ? `the grouped alert "${f.item}"` : 'this alert';
  let body: string;
  if (f.fact.kind === 'troop') {
    body =
      f.after === null
        ? `The troop figure ${alert} rested on was withdrawn (${what}): ${troopText(f.before)}.`
        : `The troop figure ${alert} rested on was ${what}: ${troopText(f.before)} → ${troopText(f.after)}.`;
  } else if (f.fact.kind === 'meeting') {
    body =
      f.after === null
        ? `The meeting ${alert} told of is no longer reported (${what}): ${meetingText(f.before)}.`
        : `The meeting ${alert} told of was ${what}: ${meetingText(f.before)} → ${meetingText(f.after)}.`;
  } else {
    body = `The report ${alert} rested on was ${what}.`;
  }
  const note = f.cause.note ? `\nNote: ${f.cause.note}` : '';
  return {
    title: title.length > 300 ? `${title.slice(0, 299)}…` : title,
    body: `${body}${note}`,
    reportId: f.fact.reportId,
  };
}
