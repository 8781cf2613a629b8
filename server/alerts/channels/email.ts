/**
 * E-mail channel: plain text through nodemailer to SMTP_URL. The Message-ID is derived from
 * the alert key, so a retried alert is the same message to mail clients that de-duplicate.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { describeRule } from '../../../shared/alerts.js';
import {
  DeliveryFailed,
  type AlertChannel,
  type DeliveryReceipt,
  type OutgoingAlert,
  type Subscription,
} from '../types.js';

export type EmailOptions = { smtpUrl: string; from: string; publicUrl: string; timeoutMs: number };

/** An alert's Message-ID, made from its key: the same on every retry, and what a follow-up replies to. */
export function messageIdOf(key: string): string {
  return `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@crisis-desk>`;
}

export function emailSubject(alert: OutgoingAlert): string {
  // A follow-up says "Re:" to the original's subject, so mail clients keep them in one thread.
  const title = alert.followUp ? `Re: [Crisis Desk] ${alert.followUp.originalTitle} (corrected)` : null;
  const subject = (title ?? `[Crisis Desk] ${alert.title}`).replace(/\s+/g, ' ');
  return subject.length > 160 ? `${subject.slice(0, 159)}…` : subject;
}

/** The text a person reads: the alert, the link back, and why they get it. */
export function emailText(alert: OutgoingAlert, subscription: Subscription, publicUrl: string): string {
  if (alert.plain) return `${alert.title}\n\n${alert.body}\n`;
  return [
    alert.title,
    '',
    alert.body,
    '',
    `Read more: ${alert.link}`,
    '',
    '--',
    `You get this because of your alert "${subscription.name}": ${describeRule(subscription.rule)}.`,
    `Silence or change it at ${publicUrl}/alerts`,
  ].join('\n');
}

/** A follow-up replies to the alert it corrects: In-Reply-To and References name its Message-ID. */
function threadOf(followUp: NonNullable<OutgoingAlert['followUp']>) {
  const original = followUp.messageId ?? messageIdOf(followUp.corrects);
  return { inReplyTo: original, references: [original] };
}

export function emailChannel(options: EmailOptions): AlertChannel {
  let transport: Transporter | null = null;
  const transporter = () =>
    (transport ??= nodemailer.createTransport({
      url: options.smtpUrl,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs * 2,
    }));
  return {
    async deliver(alert, subscription): Promise<DeliveryReceipt> {
      if (subscription.channel.type !== 'email') throw new DeliveryFailed('not an e-mail subscription', true);
      try {
        const info = (await transporter().sendMail({
          from: options.from,
          to: subscription.channel.to,
          subject: emailSubject(alert),
          text: emailText(alert, subscription, options.publicUrl),
          messageId: messageIdOf(alert.key),
          ...(alert.followUp ? threadOf(alert.followUp) : {}),
          headers: {
            'X-Crisis-Desk-Alert': alert.key,
            ...(alert.followUp ? { 'X-Crisis-Desk-Corrects': alert.followUp.corrects } : {}),
          },
        })) as { response?: string };
        const code = Number(/^(\d{3})/.exec(info.response ?? '')?.[1]);
        return Number.isFinite(code) ? { code } : {};
      } catch (err) {
        const responseCode = (err as { responseCode?: number }).responseCode;
        // SMTP 5xx is a permanent refusal (bad address, policy); 4xx and network errors are worth a retry.
        throw new DeliveryFailed(
          `SMTP: ${(err as Error).message}`,
          responseCode !== undefined && responseCode >= 500,
          responseCode,
        );
      }
    },
  };
}
