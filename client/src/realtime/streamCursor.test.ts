import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/events.js';
import type { PublicState } from '../../../shared/state.js';
import { StreamCursor } from './streamCursor.js';

const snapshot = (crisis: string | null, seq: string) => ({ crisis, seq }) as PublicState;
const change = (crisis: string | null, seq: string): Change => ({ type: 'report.removed', id: 'r', crisis, seq });

describe('StreamCursor', () => {
  it('follows the default crisis the server picks, then asks for it by name with its seq', () => {
    const cursor = new StreamCursor({ crisis: undefined });
    expect(cursor.auth('tok')).toEqual({ token: 'tok' });
    expect(cursor.acceptSnapshot(snapshot('russia-ukraine', '5-0'))).toBe(true);
    expect(cursor.acceptChange(change('russia-ukraine', '6-0'))).toBe(true);
    expect(cursor.auth('tok')).toEqual({ token: 'tok', crisis: 'russia-ukraine', since: '6-0' });
  });

  it('takes no change before its snapshot, and none of another stream', () => {
    const cursor = new StreamCursor({ crisis: 'a' });
    expect(cursor.acceptChange(change('a', '1-0'))).toBe(false);
    expect(cursor.acceptSnapshot(snapshot('b', '1-0'))).toBe(false);
    expect(cursor.acceptSnapshot(snapshot('a', '2-0'))).toBe(true);
    expect(cursor.acceptChange(change('b', '9-0'))).toBe(false);
    expect(cursor.acceptChange(change(null, '9-0'))).toBe(false);
    expect(cursor.lastSeq).toBe('2-0');
  });

  it('on switching, drops the old stream’s seq and ignores its late changes and snapshots', () => {
    const cursor = new StreamCursor({ crisis: 'a' });
    cursor.acceptSnapshot(snapshot('a', '5-0'));
    cursor.select('b');
    expect(cursor.auth(undefined)).toEqual({ crisis: 'b' });
    expect(cursor.acceptChange(change('a', '6-0'))).toBe(false);
    expect(cursor.acceptSnapshot(snapshot('a', '6-0'))).toBe(false);
    expect(cursor.acceptSnapshot(snapshot('b', '3-0'))).toBe(true);
    expect(cursor.auth(undefined)).toEqual({ crisis: 'b', since: '3-0' });
  });

  it('follows the desk stream only, resuming from its own seq', () => {
    const cursor = new StreamCursor({ desk: true });
    expect(cursor.auth(undefined)).toEqual({ desk: true });
    expect(cursor.acceptSnapshot(snapshot('a', '1-0'))).toBe(false);
    expect(cursor.acceptSnapshot(snapshot(null, '4-0'))).toBe(true);
    expect(cursor.acceptChange(change('a', '5-0'))).toBe(false);
    expect(cursor.acceptChange(change(null, '5-0'))).toBe(true);
    expect(cursor.auth(undefined)).toEqual({ desk: true, since: '5-0' });
  });

  it('sends no seq while a fresh picture is needed or the crisis is gone', () => {
    const cursor = new StreamCursor({ crisis: 'a' });
    cursor.acceptSnapshot(snapshot('a', '5-0'));
    cursor.needSnapshot();
    expect(cursor.auth(undefined)).toEqual({ crisis: 'a' });
    cursor.forget();
    expect(cursor.following).toBeUndefined();
    expect(cursor.acceptChange(change('a', '7-0'))).toBe(false);
    expect(cursor.auth(undefined)).toEqual({ crisis: 'a' });
  });

  it('while no crisis exists, the default is the desk picture, and its seq is not sent for a crisis', () => {
    const cursor = new StreamCursor({ crisis: undefined });
    expect(cursor.acceptSnapshot(snapshot(null, '3-0'))).toBe(true);
    expect(cursor.auth(undefined)).toEqual({});
  });
});

describe('StreamCursor.isAbout', () => {
  it('names the crisis followed or asked for, not one switched away from', () => {
    const cursor = new StreamCursor({ crisis: undefined });
    cursor.acceptSnapshot(snapshot('a', '1-0'));
    expect(cursor.isAbout('a')).toBe(true);
    cursor.select('b');
    expect(cursor.isAbout('a')).toBe(false);
    expect(cursor.isAbout('b')).toBe(true);
    expect(new StreamCursor({ desk: true }).isAbout('a')).toBe(false);
  });
});
