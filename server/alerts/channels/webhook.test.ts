import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type WebhookReceiver } from '../../../test/helpers/webhookReceiver.js';
import { outboundPolicy } from '../../outbound/guard.js';
import { DeliveryFailed, type OutgoingAlert, type Subscription } from '../types.js';
import { signBody, webhookChannel } from './webhook.js';

const alert: OutgoingAlert = {
  key: 'sub_1-0',
  subscriptionId: 'sub',
  subscriptionName: 'n',
  title: 'T <b>',
  body: 'B & c',
  link: 'http://x/desk?report=r',
  changeSeq: '1-0',
  firedAt: '2022-01-19T00:00:00Z',
};
const sub = (url: string, extra: object = {}): Subscription => ({
  id: 'sub',
  owner: 'ana',
  createdAt: '',
  name: 'n',
  rule: { type: 'flag', flag: 'breaking' },
  throttleMinutes: 0,
  channel: { type: 'webhook', url, format: 'json', ...extra },
});

describe('webhook channel on real loopback receivers', () => {
  let target: WebhookReceiver;
  let redirector: WebhookReceiver;
  beforeAll(async () => {
    target = await startReceiver();
    redirector = await startReceiver(0, () => 302);
  });
  afterAll(async () => {
    await target.close();
    await redirector.close();
  });
  const allowed = webhookChannel({ policy: outboundPolicy(['127.0.0.1']), timeoutMs: 1000 });

  it('posts signed JSON with the Idempotency-Key; the signature covers a fresh timestamp', async () => {
    const before = Math.floor(Date.now() / 1000);
    await expect(allowed.deliver(alert, sub(target.url, { secret: 'sekret-123' }), 2)).resolves.toEqual({ code: 200 });
    const req = target.requests.at(-1)!;
    expect(req.headers['idempotency-key']).toBe('sub_1-0');
    const timestamp = Number(req.headers['x-signature-timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(before + 5);
    expect(req.headers['x-signature']).toBe(signBody(req.body, 'sekret-123', timestamp));
    // The body alone, or the body with another time, does not verify: a replay needs a fresh signature.
    const bodyOnly = `sha256=${createHmac('sha256', 'sekret-123').update(req.body).digest('hex')}`;
    expect(req.headers['x-signature']).not.toBe(bodyOnly);
    expect(req.headers['x-signature']).not.toBe(signBody(req.body, 'sekret-123', timestamp - 600));
    expect(JSON.parse(req.body)).toMatchObject({ id: 'sub_1-0', title: 'T <b>', link: 'http://x/desk?report=r' });
  });

  it('sends a Slack-compatible body when asked, with mrkdwn escaped', async () => {
    await allowed.deliver(alert, sub(target.url, { format: 'slack' }), 1);
    expect(JSON.parse(target.requests.at(-1)!.body)).toEqual({
      text: '*T &lt;b&gt;*\nB &amp; c\n<http://x/desk?report=r|Open in Crisis Desk>',
    });
  });

  it('re-checks the target at delivery: loopback is refused once the allowlist no longer names it', async () => {
    const before = target.requests.length;
    const strict = webhookChannel({ policy: outboundPolicy([]), timeoutMs: 1000 });
    const err = await strict.deliver(alert, sub(target.url), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryFailed);
    expect((err as DeliveryFailed).permanent).toBe(true);
    expect(target.requests.length).toBe(before);
  });

  it('does not follow redirects (a permanent failure)', async () => {
    const err = (await allowed.deliver(alert, sub(redirector.url), 1).catch((e: unknown) => e)) as DeliveryFailed;
    expect(err.code).toBe(302);
    expect(err.permanent).toBe(true);
    expect(err.message).toContain('redirects are not followed');
  });

  it('gives up on a receiver that does not answer within the timeout (retryable)', async () => {
    const silent = await startReceiver(0, () => 'hold');
    const err = (await allowed.deliver(alert, sub(silent.url), 1).catch((e: unknown) => e)) as DeliveryFailed;
    expect(err.permanent).toBe(false);
    expect(err.message).toContain('no answer within 1000 ms');
    await silent.close();
  });
});
