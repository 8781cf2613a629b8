/**
 * Identity of items that carry their own (ninjs `uri`): the first report id taken for a uri
 * is its id for good, so the same item posted again (re-wrapped, re-versioned, or edited) is
 * answered as a duplicate of the first instead of becoming a second report.
 */
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

/** Claims uri → id unless another id holds it; returns the id that holds it now. */
const CLAIM_LUA = `
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held and held ~= ARGV[2] and redis.call('EXISTS', KEYS[2] .. held) == 1 then return held end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return ARGV[2]`;

export class UriIndex {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /**
   * Binds `uri` to `id` and returns `id`, or returns the id already bound to it. A binding
   * whose report never got stored (e.g. Redis failed in between) is taken over.
   */
  async claim(uri: string, id: string): Promise<string> {
    const reportKeyPrefix = this.keys.report('');
    return (await this.redis.eval(CLAIM_LUA, 2, this.keys.ninjsUris, reportKeyPrefix, uri, id)) as string;
  }
}
