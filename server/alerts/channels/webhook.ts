/**
 * Webhook channel: a JSON (or Slack-compatible) POST, signed with HMAC-SHA256 when the
 * subscription has a secret, carrying an Idempotency-Key that is the same on every retry.
 *
 * SSRF defence: the target is checked by the outbound guard at every delivery (with a fresh
 * DNS lookup) and the connection goes to exactly the address the guard approved (a custom
 * `lookup`), so a name re-pointed between check and connect cannot reach an internal host.
 * Redirects are never followed; 3xx is a failure.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { checkOutbound, OutboundRefused, type OutboundPolicy } from '../../outbound/guard.js';
import { DeliveryFailed, type AlertChannel, type DeliveryReceipt, type OutgoingAlert } from '../types.js';

export const SIGNATURE_HEADER = 'X-Signature';
export const TIMESTAMP_HEADER = 'X-Signature-Timestamp';
/** How far from their own clock receivers should accept a signature's timestamp (docs/security.md). */
export const REPLAY_WINDOW_SECONDS = 300;

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: what receivers recompute to check the
 * sender. The timestamp (Unix seconds, sent as X-Signature-Timestamp, fresh on every attempt) is
 * signed with the body, so a captured request cannot be replayed outside the receiver's window.
 */
export function signBody(body: string, secret: string, timestamp: number): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The JSON body: the alert, its link, and for a digest the grouped items. A follow-up is
 * `alert.corrected`: `corrects` is the Idempotency-Key of the alert it corrects, `before` and
 * `after` the fact (after null when it left the wall), `fact` which one and `cause` why.
 */
export function jsonPayload(alert: OutgoingAlert): Record<string, unknown> {
  const f = alert.followUp;
  if (f)
    return {
      id: alert.key,
      type: 'alert.corrected',
      corrects: f.corrects,
      subscription: { id: alert.subscriptionId, name: alert.subscriptionName },
      title: alert.title,
      body: alert.body,
      link: alert.link,
      reportId: f.fact.reportId,
      crisis: f.crisis,
      fact: f.fact,
      before: f.before,
      after: f.after,
      cause: { type: f.cause.type, id: f.cause.id },
      firedAt: alert.firedAt,
    };
  return {
    id: alert.key,
    type: alert.items ? 'alert.digest' : 'alert.fired',
    subscription: { id: alert.subscriptionId, name: alert.subscriptionName },
    title: alert.title,
    body: alert.body,
    link: alert.link,
    reportId: alert.reportId ?? null,
    changeSeq: alert.changeSeq || null,
    firedAt: alert.firedAt,
    ...(alert.items ? { items: alert.items } : {}),
  };
}

const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack incoming-webhook shape (also understood by Mattermost and Rocket.Chat). */
export function slackPayload(alert: OutgoingAlert): Record<string, unknown> {
  return { text: `*${slackEscape(alert.title)}*\n${slackEscape(alert.body)}\n<${alert.link}|Open in Crisis Desk>` };
}

/** Retrying will not help with these answers: the receiver refuses the request itself. */
function isPermanent(status: number): boolean {
  return (
    (status >= 300 && status < 400) ||
    (status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429)
  );
}

export type WebhookOptions = { policy: OutboundPolicy; timeoutMs: number };

function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** POSTs `body` to the approved address; resolves with the status code, never follows redirects. */
function post(
  target: { url: URL; address: string },
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  const { url, address } = target;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        method: 'POST',
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(address),
        timeout: timeoutMs,
        agent: false, // one connection per delivery: no pooled socket to a previously resolved address
      },
      (res) => {
        res.resume(); // the answer's body is not needed; drain it so the socket closes
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.on('close', () => clearTimeout(deadline));
    req.end(body);
  });
}

export function webhookChannel(options: WebhookOptions): AlertChannel {
  return {
    async deliver(alert, subscription, attempt): Promise<DeliveryReceipt> {
      if (subscription.channel.type !== 'webhook') throw new DeliveryFailed('not a webhook subscription', true);
      const channel = subscription.channel;
      let target;
      try {
        target = await checkOutbound(channel.url, options.policy);
      } catch (err) {
        // Refused targets stay refused; an unresolvable name may come back (DNS hiccup), so retry those.
        throw new DeliveryFailed(
          (err as Error).message,
          err instanceof OutboundRefused && !/could not be resolved/.test((err as Error).message),
        );
      }
      const body = JSON.stringify(channel.format === 'slack' ? slackPayload(alert) : jsonPayload(alert));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'CrisisDesk-Alerts/1',
        'idempotency-key': alert.key,
        'x-crisis-desk-attempt': String(attempt),
      };
      if (channel.secret) {
        const timestamp = Math.floor(Date.now() / 1000);
        headers[TIMESTAMP_HEADER.toLowerCase()] = String(timestamp);
        headers[SIGNATURE_HEADER.toLowerCase()] = signBody(body, channel.secret, timestamp);
      }
      let status: number;
      try {
        status = await post(target, body, headers, options.timeoutMs);
      } catch (err) {
        throw new DeliveryFailed(`could not reach ${target.url.host}: ${(err as Error).message}`);
      }
      if (status >= 200 && status < 300) return { code: status };
      if (status >= 300 && status < 400)
        throw new DeliveryFailed(
          `the receiver answered ${status}; redirects are not followed, update the URL`,
          true,
          status,
        );
      throw new DeliveryFailed(`the receiver answered ${status}`, isPermanent(status), status);
    },
  };
}
