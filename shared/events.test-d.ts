/**
 * Type tests for the one event map (socket.io's own practice): the server, the client and
 * the tests all type their sockets with it, so a renamed event or field fails to compile.
 */
import type { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { describe, expectTypeOf, it } from 'vitest';
import type { Change, ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from './events.js';
import type { PublicState } from './state.js';

describe('the Socket.IO event map', () => {
  it('server emits snapshot and change with their shapes', () => {
    type S = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
    expectTypeOf<Parameters<S['emit']>[0]>().toEqualTypeOf<
      'snapshot' | 'change' | 'version' | 'crisis.unknown' | 'request.refused'
    >();
    expectTypeOf<Parameters<ServerToClientEvents['snapshot']>[0]>().toEqualTypeOf<PublicState>();
    expectTypeOf<Parameters<ServerToClientEvents['change']>[0]>().toEqualTypeOf<Change>();
  });

  it('every change carries a seq, its crisis and a known type', () => {
    expectTypeOf<Change['seq']>().toEqualTypeOf<string>();
    expectTypeOf<Change['crisis']>().toEqualTypeOf<string | null>();
    expectTypeOf<Change['type']>().toEqualTypeOf<
      | 'report.added'
      | 'report.updated'
      | 'report.removed'
      | 'tension.updated'
      | 'troops.updated'
      | 'meeting.upserted'
      | 'flag.changed'
      | 'verification.changed'
      | 'alert.fired'
      | 'crisis.changed'
      | 'crisis.rebuilt'
      | 'crisis.reassignment'
    >();
    expectTypeOf<Extract<Change, { type: 'report.added' }>>().toHaveProperty('id').toEqualTypeOf<string>();
    expectTypeOf<Extract<Change, { type: 'verification.changed' }>>()
      .toHaveProperty('crises')
      .toEqualTypeOf<string[]>();
  });

  it('the client listens with the same map', () => {
    type C = Socket<ServerToClientEvents, ClientToServerEvents>;
    expectTypeOf<Parameters<C['emit']>[0]>().toEqualTypeOf<'state.request' | 'crisis.select'>();
  });
});
