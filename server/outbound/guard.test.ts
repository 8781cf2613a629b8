import { describe, expect, it } from 'vitest';
import { checkOutbound, OutboundRefused, outboundPolicy } from './guard.js';

const none = outboundPolicy([]);

describe('outbound guard', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://localhost:8080/hook',
    'http://10.1.2.3/',
    'http://172.20.0.5/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
  ])('refuses %s by default', async (url) => {
    await expect(checkOutbound(url, none)).rejects.toMatchObject({ code: 'outbound_refused', status: 400 });
  });

  it('refuses other schemes and credentials in the URL', async () => {
    await expect(checkOutbound('file:///etc/passwd', none)).rejects.toThrow(/http and https/);
    await expect(checkOutbound('ftp://example.org/', none)).rejects.toThrow(/http and https/);
    await expect(checkOutbound('http://user:pw@8.8.8.8/', none)).rejects.toThrow(/Credentials/);
    await expect(checkOutbound('not a url', none)).rejects.toThrow(/not a valid URL/);
  });

  it('allows a public address', async () => {
    await expect(checkOutbound('https://8.8.8.8/hook', none)).resolves.toMatchObject({ address: '8.8.8.8' });
  });

  it('allows internal targets the allowlist names, by host, address or CIDR', async () => {
    await expect(checkOutbound('http://localhost:9/x', outboundPolicy(['localhost']))).resolves.toBeTruthy();
    await expect(checkOutbound('http://127.0.0.1:9/x', outboundPolicy(['127.0.0.0/8']))).resolves.toMatchObject({
      address: '127.0.0.1',
    });
    await expect(checkOutbound('http://10.0.0.7/x', outboundPolicy(['10.0.0.7']))).resolves.toBeTruthy();
    await expect(checkOutbound('http://10.0.0.8/x', outboundPolicy(['10.0.0.7']))).rejects.toThrow(
      /OUTBOUND_ALLOWLIST/,
    );
  });
});

describe('IPv6 forms that hide an internal address (issue 26, item 7)', () => {
  it('refuses mapped, translated and compatible IPv4 in dotted and hex form, NAT64, 6to4, Teredo and site-local', async () => {
    const refused = [
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[0:0:0:0:0:ffff:a00:1]/',
      'http://[::ffff:0:10.0.0.1]/',
      'http://[::127.0.0.1]/',
      'http://[::a9fe:a9fe]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[64:ff9b::8.8.8.8]/',
      'http://[64:ff9b:1::1]/',
      'http://[2002:7f00:1::]/',
      'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
      'http://[fec0::1]/',
    ];
    for (const url of refused)
      await expect(checkOutbound(url, outboundPolicy([])), url).rejects.toThrow(OutboundRefused);
  });

  it('still lets public addresses through, mapped or not', async () => {
    for (const url of ['http://[::ffff:8.8.8.8]/', 'http://[2606:4700:4700::1111]/', 'http://8.8.8.8/'])
      await expect(checkOutbound(url, outboundPolicy([])), url).resolves.toMatchObject({ url: expect.any(URL) });
  });
});
