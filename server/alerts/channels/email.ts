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

export function emailSubject(alert: OutgoingAlert): string {
  const subject = `[Crisis Desk] ${alert.title}`.replace(/\s+/g, ' ');
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
          messageId: `<${alert.key.replace(/[^A-Za-z0-9.-]/g, '.')}@crisis-desk>`,
          headers: { 'X-Crisis-Desk-Alert': alert.key },
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
