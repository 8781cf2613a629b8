/** Journalists' corrections of one report's extraction, in the order they were made. */
import type { Redis } from 'ioredis';
import type { Correction } from '../../shared/corrections.js';
import type { Keys } from './keys.js';

export class CorrectionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async list(reportId: string): Promise<Correction[]> {
    const raw = await this.redis.lrange(this.keys.corrections(reportId), 0, -1);
    return raw.map((r) => JSON.parse(r) as Correction);
  }
}
