/**
 * Behind the compose layout's load balancer: the real app behind a real nginx (Debian's, on
 * loopback) configured from deploy/nginx.conf as docker-compose.yml wires it (its upstreams and
 * port swapped for the test's, and a TLS listener added as the file says to), two api nodes,
 * TRUST_PROXY naming the balancer's address. Clients come from distinct loopback addresses
 * (127.0.0.2, 127.0.0.3), as distinct people behind the balancer do. Skipped without nginx.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiRole, type ApiRole } from '../server/roles/api.js';
import { DISPLAY_TOKEN, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD } from './helpers/desk.js';
import { freePort, startRedis, type TestRedis } from './helpers/redisServer.js';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const OPENSSL = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
const METRICS_TOKEN = 'metrics-token-0123456789';

let redis: TestRedis;
let app: TestApp;
let second: ApiRole;
let nginx: ChildProcess;
let dir: string;
let plainPort: number;
let tlsPort: number;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request from a chosen loopback address, through nginx (plain or TLS) or straight to an api node. */
function request(
  target: { port: number; tls?: boolean },
  from: string,
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const client = target.tls ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method,
        path: urlPath,
        localAddress: from,
        rejectUnauthorized: false,
        agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const via = () => ({ port: plainPort });
const origin = () => `http://127.0.0.1:${plainPort}`;
const signIn = (
  from: string,
  username: string,
  password: string,
  target: { port: number; tls?: boolean } = via(),
  originUrl = origin(),
) => request(target, from, 'POST', '/api/session', { origin: originUrl }, { username, password });

beforeAll(async () => {
  if (!NGINX) return;
  redis = await startRedis();
  const env = {
    ADMIN_PASSWORD,
    TRUST_PROXY: '127.0.0.1', // the balancer's address as the api nodes see it
    METRICS_TOKEN,
    METRICS_ALLOWLIST: '127.0.0.3',
    SOCKETS_PER_IP: '2',
  };
  app = await startTestApp(redis.url, { env });
  second = await startApiRole(app.ctx);
  dir = mkdtempSync(path.join(tmpdir(), 'crisis-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub));
  chmodSync(dir, 0o755);
  [plainPort, tlsPort] = [await freePort(), await freePort()];
  let site = readFileSync('deploy/nginx.conf', 'utf8')
    .replace('server api1:8080;', `server 127.0.0.1:${app.api.port};`)
    .replace('server api2:8080;', `server 127.0.0.1:${second.port};`)
    .replace(/listen 80;/, `listen 127.0.0.1:${plainPort};`);
  expect(site).toContain(`127.0.0.1:${second.port}`);
  if (OPENSSL) {
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    if (made.status === 0)
      site = site.replace(
        `listen 127.0.0.1:${plainPort};`,
        `listen 127.0.0.1:${plainPort};\n  listen 127.0.0.1:${tlsPort} ssl;\n  ssl_certificate ${dir}/cert.pem;\n  ssl_certificate_key ${dir}/key.pem;`,
      );
  }
  writeFileSync(path.join(dir, 'default.conf'), site);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      'daemon off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      '  access_log off;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (t) => `  ${t === 'body' ? 'client_body' : t}_temp_path ${dir}/${t};`,
      ),
      `  include ${dir}/default.conf;`,
      '}',
    ].join('\n'),
  );
  nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  await waitFor(
    async () => {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
      return (await request(via(), '127.0.0.1', 'GET', '/healthz').catch(() => null))?.status === 200;
    },
    10_000,
    'nginx',
  );
});
afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGTERM');
    await exited;
  }
  await second?.close();
  await app?.close();
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!NGINX)('behind the compose load balancer (nginx from deploy/nginx.conf)', () => {
  it('signs in through the balancer: the Origin of the page matches the host the app sees', async () => {
    const res = await signIn('127.0.0.2', 'admin', ADMIN_PASSWORD);
    expect(res.status, res.body).toBe(200);
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('the login limit counts each client behind the balancer, and a forged X-Forwarded-For does not escape it', async () => {
    // 30 failed sign-ins from one person, each claiming another address: all count for 127.0.0.2.
    for (let i = 0; i < 30; i++) {
      const res = await request(
        via(),
        '127.0.0.2',
        'POST',
        '/api/session',
        { origin: origin(), 'x-forwarded-for': `10.9.${i}.1` },
        {
          username: `nobody-${i}`,
          password: 'wrong-password-xx',
        },
      );
      expect(res.status, res.body).toBe(401);
    }
    const locked = await signIn('127.0.0.2', 'nobody-x', 'wrong-password-xx');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatch(/from this address/);
    // Everyone else behind the same balancer can still sign in.
    expect((await signIn('127.0.0.3', 'admin', ADMIN_PASSWORD)).status).toBe(200);
    expect((await signIn('127.0.0.3', 'nobody-y', 'wrong-password-xx')).status).toBe(401);
  });

  it('straight to an api node, X-Forwarded-* from an address TRUST_PROXY does not name are not believed', async () => {
    const direct = { port: second.port };
    const originHere = `http://127.0.0.1:${second.port}`;
    const res = await request(
      direct,
      '127.0.0.4',
      'POST',
      '/api/session',
      {
        origin: originHere,
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.example',
      },
      { username: 'admin', password: ADMIN_PASSWORD },
    );
    expect(res.status, res.body).toBe(200);
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/);
    // A foreign Origin cannot pass by naming itself in X-Forwarded-Host.
    const forged = await request(
      direct,
      '127.0.0.4',
      'POST',
      '/api/session',
      {
        origin: 'http://evil.example',
        'x-forwarded-host': 'evil.example',
      },
      { username: 'admin', password: ADMIN_PASSWORD },
    );
    expect(forged.status).toBe(403);
  });

  it.skipIf(!OPENSSL)('over TLS at the balancer the session cookie is Secure', async () => {
    const res = await signIn(
      '127.0.0.5',
      'admin',
      ADMIN_PASSWORD,
      { port: tlsPort, tls: true },
      `https://127.0.0.1:${tlsPort}`,
    );
    expect(res.status, res.body).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
  });

  it('sockets through the balancer (WebSocket upgrade) are capped per client address, not for everyone', async () => {
    const connect = (from: string) => {
      const socket = io(`http://127.0.0.1:${plainPort}`, {
        auth: { token: DISPLAY_TOKEN },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        localAddress: from,
      } as Parameters<typeof io>[1]);
      const outcome = new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (err) => resolve(err.message));
      });
      return { socket, outcome };
    };
    const a = [connect('127.0.0.6'), connect('127.0.0.6')];
    expect(await Promise.all(a.map((s) => s.outcome))).toEqual(['connected', 'connected']);
    const third = connect('127.0.0.6');
    // Two api nodes: ip_hash sends one address to one node, where it holds its two.
    expect(await third.outcome).toMatch(/your address already holds 2/);
    const other = connect('127.0.0.7');
    expect(await other.outcome).toBe('connected');
    for (const s of [...a, third, other]) s.socket.close();
  });

  it('/metrics: the token, or an address METRICS_ALLOWLIST names (as the balancer reports it)', async () => {
    expect((await request(via(), '127.0.0.2', 'GET', '/metrics')).status).toBe(401);
    expect((await request(via(), '127.0.0.2', 'GET', '/metrics', { 'x-forwarded-for': '127.0.0.3' })).status).toBe(401);
    expect(
      (await request(via(), '127.0.0.2', 'GET', '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).status,
    ).toBe(200);
    const allowed = await request(via(), '127.0.0.3', 'GET', '/metrics');
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('crisis_sockets');
  });
});
