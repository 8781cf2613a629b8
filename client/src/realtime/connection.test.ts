import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change, SocketAuth } from '../../../shared/events.js';
import type { PublicState } from '../../../shared/state.js';

/** A stand-in for socket.io-client's socket: the test plays the server. */
class FakeSocket {
  connected = false;
  active = true;
  sent: [string, unknown][] = [];
  connects = 0;
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(readonly auth: (cb: (auth: SocketAuth) => void) => void) {}
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  /** The client sends. */
  emit(event: string, payload?: unknown) {
    this.sent.push([event, payload]);
    return this;
  }
  /** The server sends (or the socket reports). */
  serve(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  handshake(): SocketAuth {
    let auth: SocketAuth = {};
    this.auth((a) => (auth = a));
    return auth;
  }
  connect() {
    this.connects++;
    this.active = true;
    return this;
  }
  close() {
    this.connected = false;
    this.active = false;
  }
}

let socket: FakeSocket;
vi.mock('socket.io-client', () => ({
  io: (options: { auth: (cb: (auth: SocketAuth) => void) => void }) => (socket = new FakeSocket(options.auth)),
}));

const { connect } = await import('./connection.js');

const snapshot = (crisis: string | null, seq: string, reports = 0) =>
  ({ crisis, seq, reports: Array.from({ length: reports }) }) as unknown as PublicState;
const change = (crisis: string | null, seq: string, type: Change['type'] = 'report.removed') =>
  ({ type, id: 'r', slug: crisis, crisis, seq }) as unknown as Change;

function open(request: Parameters<typeof connect>[1]) {
  const got = { snapshots: [] as PublicState[], changes: [] as string[], unknown: [] as string[] };
  const c = connect('tok', request, {
    onSnapshot: (s) => got.snapshots.push(s),
    onChange: (ch) => got.changes.push(`${ch.crisis}:${ch.seq}`),
    onStatus: () => undefined,
    onUnknownCrisis: (u) => got.unknown.push(u.crisis),
  });
  socket.connected = true;
  socket.serve('connect');
  return { c, got };
}

describe('connect', () => {
  beforeEach(() => vi.useRealTimers());

  it('switches crisis on the same socket, dropping what the old crisis still sends', () => {
    const { c, got } = open({ crisis: 'a' });
    socket.serve('snapshot', snapshot('a', '1-0'));
    socket.serve('change', change('a', '2-0'));
    c.select('b');
    expect(socket.sent).toContainEqual(['crisis.select', { crisis: 'b' }]);
    socket.serve('change', change('a', '3-0')); // sent before the server switched
    socket.serve('snapshot', snapshot('b', '7-0'));
    socket.serve('change', change('b', '8-0'));
    expect(got.changes).toEqual(['a:2-0', 'b:8-0']);
    expect(got.snapshots.map((s) => s.crisis)).toEqual(['a', 'b']);
    expect(socket.handshake()).toEqual({ token: 'tok', crisis: 'b', since: '8-0' });
  });

  it('reads a fresh picture after crisis.rebuilt, applying what came meanwhile after it', () => {
    const { got } = open({ crisis: 'a' });
    socket.serve('snapshot', snapshot('a', '1-0'));
    socket.serve('change', change('a', '2-0', 'crisis.rebuilt'));
    expect(socket.sent).toContainEqual(['state.request', undefined]);
    // Until the snapshot comes, a reconnection must ask for one rather than resume.
    expect(socket.handshake()).toEqual({ token: 'tok', crisis: 'a' });
    socket.serve('change', change('a', '3-0'));
    expect(got.changes).toEqual(['a:2-0']);
    socket.serve('snapshot', snapshot('a', '2-5', 1));
    expect(got.changes).toEqual(['a:2-0', 'a:3-0']);
    expect(got.snapshots).toHaveLength(2);
  });

  it('tells the page when its crisis is removed, and follows another once selected', () => {
    const { c, got } = open({ crisis: 'a' });
    socket.serve('snapshot', snapshot('a', '1-0'));
    socket.serve('crisis.unknown', { crisis: 'a', message: 'The crisis "a" was removed' });
    expect(got.unknown).toEqual(['a']);
    socket.serve('change', change('a', '2-0'));
    expect(got.changes).toEqual([]);
    c.select('b');
    expect(socket.sent).toContainEqual(['crisis.select', { crisis: 'b' }]);
  });

  it('a handshake refused for an unknown crisis reconnects once the page selects another', () => {
    const { c, got } = open({ crisis: 'gone' });
    socket.connected = false;
    socket.active = false;
    socket.serve('connect_error', new Error('unknown crisis "gone": ask GET /api/crises for the slugs'));
    expect(got.unknown).toEqual(['gone']);
    expect(socket.connects).toBe(0);
    c.select('b');
    expect(socket.connects).toBe(1);
    expect(socket.handshake()).toEqual({ token: 'tok', crisis: 'b' });
  });

  it('a refusal about a crisis already switched away from reconnects at once, telling the page nothing', () => {
    const { c, got } = open({ crisis: 'gone' });
    socket.connected = false;
    c.select('b'); // while the first handshake was on its way
    socket.active = false;
    socket.serve('connect_error', new Error('unknown crisis "gone": ask GET /api/crises for the slugs'));
    expect(got.unknown).toEqual([]);
    expect(socket.connects).toBe(1);
  });

  it('retries a handshake refused for a passing reason, not one refused for good', () => {
    vi.useFakeTimers();
    open({ desk: true });
    socket.active = false;
    socket.serve('connect_error', new Error('authentication unavailable; retry'));
    vi.advanceTimersByTime(5_000);
    expect(socket.connects).toBe(1);
    socket.active = false;
    socket.serve('connect_error', new Error('unauthorized: send auth.token (display token) or sign in'));
    vi.advanceTimersByTime(60_000);
    expect(socket.connects).toBe(1);
  });
});
