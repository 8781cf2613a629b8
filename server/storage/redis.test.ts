import { describe, expect, it } from 'vitest';
import { redisOptionsFromUrl } from './redis.js';

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
