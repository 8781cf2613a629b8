import { describe, expect, it } from 'vitest';
import { unverified } from '../../shared/verification.js';
import { Conflict, Forbidden } from '../errors.js';
import { nextVerdict, withVerdict } from './verdictRules.js';

const jane = { name: 'jane', role: 'journalist' };
const eddie = { name: 'eddie', role: 'editor' };
const target = { reportId: 'r', fact: null };

describe('who may give which verdict', () => {
  it('a journalist judges and takes a check; only an editor gives it to someone else', () => {
    expect(nextVerdict(unverified(), { status: 'in-progress', assignee: 'jane' }, jane, 't', target)).toMatchObject({
      status: 'in-progress',
      assignee: 'jane',
      by: 'jane',
    });
    expect(() => nextVerdict(unverified(), { status: 'in-progress', assignee: 'joe' }, jane, 't', target)).toThrow(
      Forbidden,
    );
    expect(nextVerdict(unverified(), { status: 'in-progress', assignee: 'joe' }, eddie, 't', target).assignee).toBe(
      'joe',
    );
  });

  it('a lock holds against journalists (409) and is an editor’s to set (403)', () => {
    expect(() => nextVerdict(unverified(), { status: 'verified', locked: true }, jane, 't', target)).toThrow(Forbidden);
    const locked = nextVerdict(unverified(), { status: 'verified', locked: true }, eddie, 't', target);
    expect(locked.locked).toBe(true);
    expect(() => nextVerdict(locked, { status: 'false' }, jane, 't', target)).toThrow(Conflict);
    expect(nextVerdict(locked, { status: 'false' }, eddie, 't', target)).toMatchObject({
      status: 'false',
      locked: true,
    });
  });

  it('a fact’s verdict sits beside the report’s', () => {
    const v = withVerdict(undefined, { kind: 'troops', index: 2 }, { ...unverified(), status: 'verified' });
    expect(v.status).toBe('unverified');
    expect(v.facts?.['troops:2']?.status).toBe('verified');
    expect(withVerdict(v, null, { ...unverified(), status: 'false' }).facts?.['troops:2']?.status).toBe('verified');
  });
});
