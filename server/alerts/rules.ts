/**
 * Alert rules, pure: a rule × one change (+ the subscription's memo) → an alert a person
 * wants to read, or null, and the memo to keep. No I/O: the evaluator feeds it.
 * Thresholds fire when they are crossed, not on every change while above, so a
 * subscriber is told once per change and never flooded.
 */
import type { AlertRule, AlertRuleType } from '../../shared/alerts.js';
import type { Change, ChangeType } from '../../shared/events.js';
import type { PublicState, PublicTension, PublicTroops } from '../../shared/state.js';
import { reportFact, troopFacts } from './facts.js';
import { judgeMeetingChanged, meetingSignature } from './meetingRules.js';
import { keepLast, MAX_TENSION_READINGS, seqMs, type RuleMemo } from './memo.js';
import { judgeFlag, judgeMention, type ReportForRules } from './reportRules.js';
import type { ReportWords } from './mentions.js';
import type { AlertContent } from './types.js';

export type { ReportForRules } from './reportRules.js';
export type Judgement = { alert: AlertContent | null; memo: RuleMemo };

const watches: Record<AlertRuleType, ChangeType[]> = {
  'tension.above': ['tension.updated'],
  'tension.jump': ['tension.updated'],
  'troops.above': ['troops.updated'],
  'troops.change': ['troops.updated'],
  'meeting.changed': ['meeting.upserted'],
  'meeting.soon': [], // judged by the periodic sweep (a meeting comes closer without any change)
  mention: ['report.added'],
  flag: ['flag.changed'],
};

/** Whether a rule looks at changes of this type at all (the evaluator skips the others cheaply). */
export function ruleWatches(rule: AlertRule, type: ChangeType): boolean {
  return watches[rule.type].includes(type);
}

/** Whether the rule needs the full report (text, entities, title) of the change. */
export function ruleNeedsReport(rule: AlertRule): boolean {
  return rule.type === 'mention' || rule.type === 'flag';
}

/**
 * The memo of a new subscription, from the state at the moment it was made: subscribing is
 * not a change, so a threshold already passed is not announced until it is crossed again.
 */
export function seedMemo(
  rule: AlertRule,
  state: Pick<PublicState, 'tension' | 'troops' | 'meetings'> | null,
  nowMs: number,
): RuleMemo {
  if (!state) return {};
  switch (rule.type) {
    case 'tension.above':
    case 'tension.jump':
      return { tension: [{ atMs: nowMs, value: state.tension.value }] };
    case 'troops.above':
    case 'troops.change': {
      const value = state.troops.current?.value ?? null;
      return value === null ? { troops: null } : { troops: value, troopsBaseline: value };
    }
    case 'meeting.changed':
      return { meetings: Object.fromEntries(state.meetings.map((m) => [m.id, meetingSignature(m)])) };
    case 'meeting.soon':
    case 'mention':
    case 'flag':
      return {};
  }
}

/** Judges one change for one rule. */
export function judge(
  rule: AlertRule,
  change: Change,
  ctx: { memo: RuleMemo; report?: ReportForRules; words?: ReportWords },
): Judgement {
  const { memo } = ctx;
  switch (rule.type) {
    case 'tension.above':
      return change.type === 'tension.updated'
        ? tensionAbove(rule.threshold, change.tension, change.seq, memo)
        : none(memo);
    case 'tension.jump':
      return change.type === 'tension.updated' ? tensionJump(rule, change.tension, change.seq, memo) : none(memo);
    case 'troops.above':
      return change.type === 'troops.updated' ? troopsAbove(rule.threshold, change.troops, memo) : none(memo);
    case 'troops.change':
      return change.type === 'troops.updated' ? troopsChange(rule.percent, change.troops, memo) : none(memo);
    case 'meeting.changed':
      return change.type === 'meeting.upserted' ? judgeMeetingChanged(rule, change.meeting, memo) : none(memo);
    case 'meeting.soon':
      return none(memo);
    case 'mention':
      return change.type === 'report.added' && ctx.report
        ? judgeMention(rule.terms, ctx.report, memo, ctx.words)
        : none(memo);
    case 'flag':
      return change.type === 'flag.changed'
        ? judgeFlag(rule.flag, change.id, change.flags, ctx.report, memo)
        : none(memo);
  }
}

const none = (memo: RuleMemo): Judgement => ({ alert: null, memo });

function withReading(memo: RuleMemo, seq: string, value: number): RuleMemo {
  return { ...memo, tension: keepLast([...(memo.tension ?? []), { atMs: seqMs(seq), value }], MAX_TENSION_READINGS) };
}

/** The driver that counts most now: what a person wants to read about why the index moved. */
function topDriver(tension: PublicTension) {
  return [...tension.drivers].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))[0];
}

function tensionStory(tension: PublicTension, from: number | undefined): Omit<AlertContent, 'title'> {
  const driver = topDriver(tension);
  const move =
    from === undefined
      ? `The tension index is now ${fmt(tension.value)}`
      : `The tension index went from ${fmt(from)} to ${fmt(tension.value)}`;
  const why = driver ? ` Biggest driver: "${driver.phrase}" (${driver.category}).` : '';
  return {
    body: `${move} (${tension.level}).${why}`,
    reportId: driver?.reportId,
    ...(driver ? { facts: [reportFact(driver.reportId)] } : {}),
  };
}

function tensionAbove(threshold: number, tension: PublicTension, seq: string, memo: RuleMemo): Judgement {
  const previous = memo.tension?.at(-1)?.value;
  const next = withReading(memo, seq, tension.value);
  const crossed = tension.value >= threshold && (previous === undefined || previous < threshold);
  if (!crossed) return { alert: null, memo: next };
  const story = tensionStory(tension, previous);
  return {
    alert: {
      title: `Tension at ${fmt(tension.value)} (${tension.level}), past your threshold of ${fmt(threshold)}`,
      ...story,
    },
    memo: next,
  };
}

function tensionJump(
  rule: { points: number; windowMinutes: number },
  tension: PublicTension,
  seq: string,
  memo: RuleMemo,
): Judgement {
  const now = seqMs(seq);
  const since = now - rule.windowMinutes * 60_000;
  const recent = (memo.tension ?? []).filter((r) => r.atMs >= since);
  const next = withReading(memo, seq, tension.value);
  if (recent.length === 0) return { alert: null, memo: next };
  const low = Math.min(...recent.map((r) => r.value));
  const high = Math.max(...recent.map((r) => r.value));
  const rise = tension.value - low;
  const fall = high - tension.value;
  if (rise < rule.points && fall < rule.points) return { alert: null, memo: next };
  const up = rise >= fall;
  const from = up ? low : high;
  const story = tensionStory(tension, from);
  // Start a fresh window from here so the same jump is not announced again at the next change.
  return {
    alert: {
      title: `Tension ${up ? 'jumped' : 'fell'} ${fmt(Math.abs(tension.value - from))} points to ${fmt(tension.value)} within ${rule.windowMinutes} min`,
      ...story,
    },
    memo: { ...memo, tension: [{ atMs: now, value: tension.value }] },
  };
}

function troopStory(troops: PublicTroops): Omit<AlertContent, 'title'> {
  const current = troops.current!;
  const range = current.low !== current.high ? ` (range ${num(current.low)}–${num(current.high)})` : '';
  const claim = current.claims[0];
  const who = claim?.claimedBy ? `, according to ${claim.claimedBy}` : '';
  const where = claim?.location ? ` near ${claim.location}` : '';
  const quote = claim ? ` Source: "${claim.evidence.text}"` : '';
  return {
    body: `Current estimate: ${num(current.value)} troops${where}${range}${who}, as of ${current.asOf}.${quote}`,
    reportId: claim?.reportId,
    facts: troopFacts(troops),
  };
}

function troopsAbove(threshold: number, troops: PublicTroops, memo: RuleMemo): Judgement {
  const value = troops.current?.value ?? null;
  const previous = memo.troops;
  const next: RuleMemo = { ...memo, troops: value };
  if (value === null || value < threshold || (previous !== undefined && previous !== null && previous >= threshold)) {
    return { alert: null, memo: next };
  }
  return {
    alert: {
      title: `Troop estimate at ${num(value)}, past your threshold of ${num(threshold)}`,
      ...troopStory(troops),
    },
    memo: next,
  };
}

function troopsChange(percent: number, troops: PublicTroops, memo: RuleMemo): Judgement {
  const value = troops.current?.value ?? null;
  if (value === null) return { alert: null, memo: { ...memo, troops: null } };
  const baseline = memo.troopsBaseline;
  if (baseline === undefined) return { alert: null, memo: { ...memo, troops: value, troopsBaseline: value } };
  const changed = baseline === 0 ? (value > 0 ? Infinity : 0) : (Math.abs(value - baseline) / baseline) * 100;
  if (changed < percent) return { alert: null, memo: { ...memo, troops: value } };
  const direction = value > baseline ? 'up' : 'down';
  const by = Number.isFinite(changed) ? `${Math.round(changed)}%` : 'from zero';
  return {
    alert: { title: `Troop estimate ${direction} ${by}: ${num(baseline)} → ${num(value)}`, ...troopStory(troops) },
    memo: { ...memo, troops: value, troopsBaseline: value },
  };
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const num = (n: number) => n.toLocaleString('en-US');
