/**
 * E-mail and in-app alerts end to end on real parts: real redis-server, real BullMQ, two worker
 * roles, real webhook receivers on loopback (node:http), a real SMTP server (smtp-server),
 * a real socket.io client. Subscribers are real accounts signed in through the accounts API
 * (tokens may not subscribe). Each test uses its own unique term so subscriptions never cross.
 */
import { describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, postReport, waitFor } from './helpers/app.js';
import { alertsApp, decodeHeader, report, term } from './helpers/alertsApp.js';
import type { SubscriptionView } from '../shared/alerts.js';
import type { Change } from '../shared/events.js';
import { connectClient, connected } from './helpers/socketClient.js';
import { cookieSocket, socketOutcome } from './helpers/desk.js';

const t = alertsApp();

describe('e-mail and in-app', () => {
  it('an address is sent nothing until it gives back the code mailed to it', async () => {
    const word = term();
    const sub = await t.subscribe({
      name: 'Mail me first',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'email', to: 'confirm@example.test' },
    });
    expect(sub.channel).toEqual({ type: 'email', to: 'confirm@example.test', confirmed: false });
    const asked = await waitFor(async () => t.mails.find((m) => m.raw.includes(sub.id)), 10_000, 'confirmation');
    expect(asked.to).toEqual(['confirm@example.test']);
    const code = /Code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(asked.raw)![1];
    // A report while unconfirmed: an in-app subscription on the same word hears of it; the address does not.
    const marker = await t.subscribe({
      name: 'marker',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'inapp' },
    });
    const before = (await (await postReport(t.app.url, report(word, 'before'))).json()) as { id: string };
    await waitFor(async () => (await t.deliveries(marker.id)).some((e) => e.status === 'delivered'), 10_000, 'marker');
    expect((await t.api('POST', `/api/subscriptions/${sub.id}/confirm`, { code: 'AAAA-AAAA' })).status).toBe(400);
    const confirmed = await t.api('POST', `/api/subscriptions/${sub.id}/confirm`, { code: code.toLowerCase() });
    expect(confirmed.status, JSON.stringify(confirmed.json)).toBe(200);
    expect((confirmed.json as SubscriptionView).channel).toMatchObject({ confirmed: true });
    const after = (await (await postReport(t.app.url, report(word, 'after'))).json()) as { id: string };
    const unwrapped = (raw: string) => raw.replace(/=\r\n/g, ''); // quoted-printable soft line breaks
    await waitFor(
      async () => t.mails.find((m) => unwrapped(m.raw).includes(after.id)),
      10_000,
      'alert after confirmation',
    );
    expect(t.mails.some((m) => unwrapped(m.raw).includes(before.id))).toBe(false);
  });

  it('an e-mail arrives at the SMTP server with a readable subject, plain body and a link to the report', async () => {
    const word = term();
    const sub = await t.subscribe({
      name: 'Mail me',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'email', to: 'desk@example.test' },
    });
    await t.confirmEmail(sub.id);
    const { id } = (await (await postReport(t.app.url, report(word))).json()) as { id: string };
    const mail = await waitFor(async () => t.mails.find((m) => m.raw.includes(word)), 10_000, 'mail');
    expect(mail.to).toEqual(['desk@example.test']);
    const unfolded = mail.raw.replace(/\r\n[ \t]/g, ' ');
    const subject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
    expect(decodeHeader(subject)).toBe(`[Crisis Desk] "${word}" in: Talks in ${word}`);
    expect(unfolded).toMatch(/^Content-Type: text\/plain/m);
    const text = unfolded
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    expect(text).toContain(`Read more: http://desk.example.test/desk?report=${id}`);
    expect(text).toContain('You get this because of your alert "Mail me"');
    expect(text).toContain('Silence or change it at http://desk.example.test/alerts');
    await waitFor(
      async () => (await t.deliveries(sub.id)).some((e) => e.status === 'delivered' && e.code === 250),
      5000,
      'logged',
    );
  });

  it("an in-app alert reaches the subscriber's session socket as alert.fired, and no one else's", async () => {
    const word = term();
    // Sockets authenticated as a browser is: by the session cookie. The other user and a wall are watching too.
    const [mine, theirs] = [cookieSocket(t.app.url, t.viewer), cookieSocket(t.app.url, t.other)];
    const seen = new Map<typeof mine, Change[]>();
    const snapshots = new Set<typeof mine>();
    for (const socket of [mine, theirs]) {
      seen.set(socket, []);
      socket.on('change', (c) => seen.get(socket)!.push(c));
      socket.on('snapshot', () => snapshots.add(socket));
    }
    // A display token on the desk stream: every report, but no user, so no in-app alert.
    const wall = connectClient(t.app.url, { token: DISPLAY_TOKEN, desk: true });
    expect(await Promise.all([mine, theirs].map(socketOutcome))).toEqual(['connected', 'connected']);
    await connected(wall);
    await waitFor(async () => snapshots.size === 2 && wall.snapshots.length > 0, 5000, 'snapshots');
    const sub = await t.subscribe({
      name: 'toast',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'inapp' },
    });
    await postReport(t.app.url, report(word));
    const isMine = (c: Change) => c.type === 'alert.fired' && c.subscriptionId === sub.id;
    const [fired] = await waitFor(
      async () => seen.get(mine)!.some(isMine) && seen.get(mine)!.filter(isMine),
      10_000,
      'alert.fired',
    );
    expect(fired).toMatchObject({ type: 'alert.fired', userId: 'vicky' });
    if (fired.type === 'alert.fired') expect(fired.title).toContain(word);
    // Everything sent; then one more report: once every socket has it (changes come in seq order),
    // any second alert.fired, or one for the wrong user, would have come before it.
    await t.settled();
    const { id: sentinel } = (await (await postReport(t.app.url, report(term()))).json()) as { id: string };
    const hasSentinel = (changes: Change[]) => changes.some((c) => c.type === 'report.added' && c.id === sentinel);
    await waitFor(
      async () => hasSentinel(seen.get(mine)!) && hasSentinel(seen.get(theirs)!) && hasSentinel(wall.changes),
      10_000,
      'every socket read past the alert',
    );
    expect(seen.get(mine)!.filter(isMine)).toHaveLength(1);
    expect(seen.get(theirs)!.filter(isMine)).toEqual([]);
    expect(wall.changes.filter(isMine)).toEqual([]);
    // The wall did get the report itself: it was listening, so silence above means something.
    expect(wall.changes.some((c) => c.type === 'report.added')).toBe(true);
    for (const socket of [mine, theirs]) socket.close();
    wall.close();
  });
});
