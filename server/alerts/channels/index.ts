/** The channel registry: one small module per channel type, looked up by name (no hub switch). */
import type { AlertChannelType } from '../../../shared/alerts.js';
import type { AlertChannel } from '../types.js';
import { emailChannel, type EmailOptions } from './email.js';
import { inAppChannel, type InAppOptions } from './inapp.js';
import { webhookChannel, type WebhookOptions } from './webhook.js';
import { DeliveryFailed } from '../types.js';

export type ChannelRegistry = Record<AlertChannelType, AlertChannel>;

export type ChannelOptions = {
  webhook: WebhookOptions;
  email: Omit<EmailOptions, 'smtpUrl'> & { smtpUrl?: string };
  inapp: InAppOptions;
};

/** A channel that cannot work in this deployment: every delivery fails permanently, saying why. */
const unavailable = (why: string): AlertChannel => ({
  deliver: () => Promise.reject(new DeliveryFailed(why, true)),
});

export function createChannels(options: ChannelOptions): ChannelRegistry {
  const { smtpUrl } = options.email;
  return {
    webhook: webhookChannel(options.webhook),
    email: smtpUrl
      ? emailChannel({ ...options.email, smtpUrl })
      : unavailable('e-mail alerts are off: SMTP_URL is not set'),
    inapp: inAppChannel(options.inapp),
  };
}
