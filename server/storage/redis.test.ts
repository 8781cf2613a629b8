import { Writable } from 'node:stream';
import { createServer } from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createRedis, redisOptionsFromUrl } from './redis.js';

describe('REDIS_URL', () => {
  it('reads host, port, credentials, database and TLS', () => {
    expect(redisOptionsFromUrl('redis://user:p%40ss@cache.internal:6380/2')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: undefined,
    });
    expect(redisOptionsFromUrl('rediss://cache.internal').tls).toEqual({});
  });

  it('reads a unix socket', () => {
    expect(redisOptionsFromUrl('unix:///var/run/redis.sock')).toEqual({ path: '/var/run/redis.sock' });
  });

  it('reads Redis Sentinel: the sentinels and the master name', () => {
    expect(redisOptionsFromUrl('redis+sentinel://:secret@s1:26379,s2:26380,s3/crisis')).toEqual({
      name: 'crisis',
      password: 'secret',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26380 },
        { host: 's3', port: 26379 },
      ],
    });
  });
});

/** A port nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Redis connections', () => {
  it('log their errors through pino: the first of a run at once, the repeats folded into the next line', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const redis = createRedis(`redis://127.0.0.1:${await deadPort()}`, 'blocking', 'probe', pino(sink));
    let errors = 0;
    await new Promise<void>((resolve) =>
      redis.on('error', () => {
        if (++errors === 3) resolve();
      }),
    );
    redis.disconnect();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, connection: 'probe', msg: 'Redis connection error', repeats: 0 });
    expect(JSON.stringify(lines[0].err)).toMatch(/ECONNREFUSED/);
  });
});
