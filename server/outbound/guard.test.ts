import { describe, expect, it } from 'vitest';
import { checkOutbound, outboundPolicy } from './guard.js';

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
