/**
 * In-app channel: appends an `alert.fired` change to the change stream; every api node's
 * tailer emits it only to that user's caught-up sockets (a toast, and a browser Notification
 * where permitted). The marker and the append are one atomic step, so a retry never adds a
 * second toast.
 */
import type { Redis } from 'ioredis';
import type { ChangeBody } from '../../../shared/events.js';
import { CHANGE_FIELD } from '../../storage/changeStream.js';
import type { Keys } from '../../storage/keys.js';
import { MARKER_TTL_SECONDS } from '../throttle.js';
import { DeliveryFailed, type AlertChannel, type DeliveryReceipt } from '../types.js';

const APPEND_ONCE_LUA = `
if not redis.call('SET', KEYS[1], 'delivered', 'NX', 'EX', ARGV[1]) then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', '${CHANGE_FIELD}', ARGV[3])
return 1`;

export type InAppOptions = { redis: Redis; keys: Keys; maxLen: number };

export function inAppChannel(options: InAppOptions): AlertChannel {
  return {
    async deliver(alert, subscription): Promise<DeliveryReceipt> {
      const change: ChangeBody = {
        type: 'alert.fired',
        subscriptionId: subscription.id,
        userId: subscription.owner,
        title: alert.title,
        body: `${alert.body}\n${alert.link}`,
        changeSeq: alert.changeSeq,
        key: alert.key,
        ...(alert.followUp
          ? {
              corrects: alert.followUp.corrects,
              correctsTitle: alert.followUp.originalTitle,
              before: alert.followUp.before,
              after: alert.followUp.after,
            }
          : {}),
      };
      try {
        await options.redis.eval(
          APPEND_ONCE_LUA,
          2,
          options.keys.alertMarker(alert.key),
          options.keys.changes,
          String(MARKER_TTL_SECONDS),
          String(options.maxLen),
          JSON.stringify(change),
        );
      } catch (err) {
        throw new DeliveryFailed(`could not append to the change stream: ${(err as Error).message}`);
      }
      return {};
    },
  };
}
