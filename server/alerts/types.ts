/** The vocabulary of alerts: stored subscriptions, what a rule produces, and the channel interface. */
import type { AlertChannelConfig, SubscriptionInput } from '../../shared/alerts.js';
import type { AlertFact } from './facts.js';
import type { FollowUp } from './followUpTypes.js';

/** An e-mail channel as stored: `confirmedAt` once the address gave back its confirmation code. */
type StoredEmail = Extract<AlertChannelConfig, { type: 'email' }> & { confirmedAt?: string };
export type StoredChannel = Exclude<AlertChannelConfig, { type: 'email' }> | StoredEmail;

/** A subscription as stored (the webhook secret included: it never leaves the server). */
export type Subscription = Omit<SubscriptionInput, 'channel'> & {
  channel: StoredChannel;
  id: string;
  owner: string;
  createdAt: string;
};

/** What a rule says when it matches: a title and a plain-text body a person wants to read. */
export type AlertContent = {
  title: string;
  body: string;
  /** The report that caused it, for the link back. */
  reportId?: string;
  /** The crisis it is about (null: the desk's reports and flags); where its facts are recorded. */
  crisis?: string | null;
  /** What it rests on: a correction of any of these reaches whoever the alert reached (followUps.ts). */
  facts?: AlertFact[];
};

/** An alert ready for a channel. `key` is its idempotency key, the same on every retry. */
export type OutgoingAlert = AlertContent & {
  key: string;
  subscriptionId: string;
  subscriptionName: string;
  /** Change-stream seq that fired it ('' for sweeps and digests). */
  changeSeq: string;
  /** Where a person reads more: the report on the desk, or the alerts page. */
  link: string;
  firedAt: string;
  /** A message of its own (an address confirmation): sent as it is, without the alert's footer. */
  plain?: boolean;
  /** Set on a digest: the alerts that were grouped into it, oldest first. */
  items?: (AlertContent & { link: string; firedAt: string })[];
  /** Set on a follow-up: the alert it corrects, and the fact before and after. */
  followUp?: FollowUp;
};

/** What a channel reports about a successful delivery, for the delivery log. */
export type DeliveryReceipt = { code?: number };

/**
 * One delivery channel (Uptime Kuma's notification-provider shape, without the hub file).
 * Throws DeliveryFailed on failure; `permanent` failures are not retried.
 */
export interface AlertChannel {
  deliver(alert: OutgoingAlert, subscription: Subscription, attempt: number): Promise<DeliveryReceipt>;
}

export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly permanent = false,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}
