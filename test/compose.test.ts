/**
 * docker-compose.yml is accepted by Compose (`config`), and runs what the README promises:
 * Redis with AOF and a health check, two api nodes, two workers and an nginx load balancer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const env = {
  ...process.env,
  INGEST_TOKENS: 'compose-check-ingest-token',
  DISPLAY_TOKEN: 'compose-check-display-token',
  ADMIN_PASSWORD: 'compose-check-password',
};
const compose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0 ? ['docker-compose'] : null;

describe.skipIf(!compose)('docker-compose.yml', () => {
  const run = (...args: string[]) => execFileSync(compose![0], args, { env, encoding: 'utf8' });

  it('is accepted by `docker-compose config`', () => {
    expect(() => run('config', '-q')).not.toThrow();
  });

  it('runs redis, two api nodes, two workers and a load balancer', () => {
    expect(run('config', '--services').trim().split('\n').sort()).toEqual([
      'api1',
      'api2',
      'lb',
      'redis',
      'worker1',
      'worker2',
    ]);
    const config = run('config');
    expect(config).toMatch(/--appendonly\s*\n?\s*- ['"]?yes/);
    expect(config).toMatch(/--auto-aof-rewrite-percentage\s*\n?\s*- ['"]?400/);
    expect(config).toContain('healthcheck');
    expect(config.match(/--role\s*\n?\s*- api/g)).toHaveLength(2);
    expect(config.match(/--role\s*\n?\s*- worker/g)).toHaveLength(2);
    // The workers, and only they, run with one V8 helper thread (docs/operations.md, "Worker processes").
    expect(config.match(/NODE_OPTIONS: --v8-pool-size=1/g)).toHaveLength(2);
    // The api nodes believe X-Forwarded-* from the load balancer's fixed address only (docs/security.md).
    const lb = /ipv4_address: ['"]?([\d.]+)/.exec(config)?.[1];
    expect(lb).toBeDefined();
    expect(config.match(new RegExp(`TRUST_PROXY: ['"]?${lb!.replace(/\./g, '\\.')}`, 'g'))).toHaveLength(4);
  });

  it('refuses to start without the secrets', () => {
    const { INGEST_TOKENS: _i, ...withoutSecrets } = env;
    const result = spawnSync(compose![0], ['config', '-q'], { env: withoutSecrets, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/INGEST_TOKENS/);
  });
});
