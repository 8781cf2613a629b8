/**
 * Alert subscriptions: what a person asks to be told about (rule), how (channel), and the
 * delivery log they can read back. Validated on the server, used by the /alerts client.
 */
import { z } from 'zod';
import { crisisSlugSchema } from './crisis.js';
import { flagKinds } from './report.js';

export const meetingChangeKinds = ['new', 'moved', 'cancelled'] as const;
export type MeetingChangeKind = (typeof meetingChangeKinds)[number];

export const ruleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tension.above'), threshold: z.number().min(0).max(100) }),
  z.object({
    type: z.literal('tension.jump'),
    points: z.number().positive().max(100),
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
  z.object({ type: z.literal('troops.above'), threshold: z.number().int().min(0) }),
  z.object({ type: z.literal('troops.change'), percent: z.number().positive().max(1000) }),
  z.object({ type: z.literal('meeting.changed'), changes: z.array(z.enum(meetingChangeKinds)).min(1).optional() }),
  z.object({
    type: z.literal('meeting.soon'),
    hours: z
      .number()
      .positive()
      .max(24 * 30),
  }),
  z.object({
    type: z.literal('mention'),
    terms: z
      .array(z.string().trim().min(2, 'each term needs at least 2 characters').max(100))
      .min(1, 'give at least one term')
      .max(50),
  }),
  z.object({ type: z.literal('flag'), flag: z.enum(flagKinds) }),
]);
export type AlertRule = z.infer<typeof ruleSchema>;
export type AlertRuleType = AlertRule['type'];

export const channelSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/, error: 'url must be an http or https URL' }).max(2000),
    secret: z.string().min(8, 'a secret needs at least 8 characters').max(200).optional(),
    format: z.enum(['json', 'slack']).default('json'),
  }),
  z.object({ type: z.literal('email'), to: z.email('to must be an e-mail address').max(320) }),
  z.object({ type: z.literal('inapp') }),
]);
export type AlertChannelConfig = z.infer<typeof channelSchema>;
export type AlertChannelType = AlertChannelConfig['type'];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour clock)');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'timeZone must be an IANA zone such as Europe/Berlin');

/** Alerts that fall between start and end (local time of timeZone) wait until the end, grouped. */
export const quietHoursSchema = z.object({ start: hhmm, end: hhmm, timeZone });
export type QuietHours = z.infer<typeof quietHoursSchema>;

const isoDateTime = z.iso.datetime({ offset: true, error: 'use an ISO date-time such as 2022-01-21T18:00:00Z' });

export const subscriptionInputSchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(100),
  /** The crisis it watches (its slug); every crisis when absent. */
  crisis: crisisSlugSchema.optional(),
  rule: ruleSchema,
  channel: channelSchema,
  /** At most one alert per this many minutes; the rest are grouped into the next. 0 = no throttle. */
  throttleMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(5),
  quietHours: quietHoursSchema.optional(),
  silencedUntil: isoDateTime.optional(),
});
export type SubscriptionInput = z.infer<typeof subscriptionInputSchema>;

/** What may change on an existing subscription (null clears). */
export const subscriptionPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    throttleMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
    quietHours: quietHoursSchema.nullable().optional(),
    silencedUntil: isoDateTime.nullable().optional(),
  })
  .strict();
export type SubscriptionPatch = z.infer<typeof subscriptionPatchSchema>;

/** A subscription as the API shows it: a webhook secret is never sent back, only whether there is one. */
export type SubscriptionView = Omit<SubscriptionInput, 'channel'> & {
  id: string;
  owner: string;
  createdAt: string;
  channel:
    | { type: 'webhook'; url: string; format: 'json' | 'slack'; hasSecret: boolean }
    /** `confirmed`: the address said yes (a code sent to it was given back); nothing is sent to it before. */
    | { type: 'email'; to: string; confirmed: boolean }
    | { type: 'inapp' };
};

/** POST /api/subscriptions/:id/confirm: the code the confirmation e-mail carried. */
export const confirmEmailSchema = z.object({
  code: z
    .string({ error: 'code is required' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4}-?[A-Z0-9]{4}$/, 'code: the 8 letters and digits of the confirmation e-mail, e.g. K7QF-2MXD'),
});

export const deliveryStatuses = ['delivered', 'retrying', 'dead', 'suppressed', 'throttled'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One line of a subscription's delivery log (newest first in the API). */
export type DeliveryEntry = {
  at: string;
  /** The alert's idempotency key (`<subscription>_<crisis or "desk">_<change seq>`, or a digest or sweep key). */
  key: string;
  status: DeliveryStatus;
  attempt: number;
  title: string;
  /** HTTP status of the receiver (webhooks), or the SMTP reply code. */
  code?: number;
  error?: string;
  note?: string;
  /** On a follow-up: the key of the alert it corrects (its entry in the same log). */
  corrects?: string;
};

/** The rule in words, for lists, e-mail footers and logs. */
export function describeRule(rule: AlertRule): string {
  switch (rule.type) {
    case 'tension.above':
      return `tension reaches ${rule.threshold} or more`;
    case 'tension.jump':
      return `tension moves by ${rule.points} points or more within ${rule.windowMinutes} minutes`;
    case 'troops.above':
      return `troop estimate reaches ${rule.threshold.toLocaleString('en-US')} or more`;
    case 'troops.change':
      return `troop estimate changes by ${rule.percent}% or more`;
    case 'meeting.changed':
      return `a meeting is ${(rule.changes ?? meetingChangeKinds).map((c) => (c === 'new' ? 'announced' : c)).join(', ')}`;
    case 'meeting.soon':
      return `a meeting starts within ${rule.hours} hours`;
    case 'mention':
      return `a report mentions ${rule.terms.map((t) => `"${t}"`).join(' or ')}`;
    case 'flag':
      return `a report is flagged ${rule.flag}`;
  }
}
