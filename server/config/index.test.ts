import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './index.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.INGEST_TOKENS).toEqual([]);
    expect(config.WALL_CLOCKS[0]).toEqual({ label: 'Kyiv', zone: 'Europe/Kyiv' });
    expect(config.EXTRACT_BUDGET_MS).toBe(1000);
  });

  it('lists every bad variable at once, by name', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', REDIS_URL: 'http://x', LOG_LEVEL: 'loud', INGEST_TOKENS: 'short' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'REDIS_URL', 'LOG_LEVEL', 'INGEST_TOKENS']) expect(problems).toContain(name);
  });

  it('accepts Redis Sentinel and unix socket URLs, and treats empty values as unset', () => {
    expect(parseConfig({ REDIS_URL: 'redis+sentinel://s1:26379/crisis' }).REDIS_URL).toBe(
      'redis+sentinel://s1:26379/crisis',
    );
    expect(parseConfig({ REDIS_URL: 'unix:///tmp/r.sock', DISPLAY_TOKEN: '' }).DISPLAY_TOKEN).toBeUndefined();
  });
});
