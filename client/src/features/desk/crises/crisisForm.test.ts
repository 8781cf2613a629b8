import { describe, expect, it } from 'vitest';
import type { Crisis } from '../../../../../shared/crisis.js';
import { emptyCrisisFields, fieldsOf, inputOf, patchOf, rulesSummary, splitNames } from './crisisForm.js';

const crisis: Crisis = {
  slug: 'kashmir',
  name: 'Kashmir',
  actors: ['India', 'Pakistan'],
  places: ['Kashmir', 'Line of Control'],
  keywords: [],
  principal: { force: 'India', theatre: 'Kashmir' },
  createdAt: '2026-01-02T00:00:00.000Z',
};

describe('splitNames', () => {
  it('reads one name per line or comma-separated, trimmed, each once', () => {
    expect(splitNames(' India,\nPakistan \n\n india , Line of Control')).toEqual([
      'India',
      'Pakistan',
      'Line of Control',
    ]);
    expect(splitNames('')).toEqual([]);
  });
});

describe('inputOf', () => {
  it('builds what POST /api/crises takes', () => {
    const checked = inputOf({ ...fieldsOf(crisis), actors: 'India, Pakistan' });
    expect(checked).toEqual({
      ok: true,
      value: {
        slug: 'kashmir',
        name: 'Kashmir',
        actors: ['India', 'Pakistan'],
        places: ['Kashmir', 'Line of Control'],
        keywords: [],
        principal: { force: 'India', theatre: 'Kashmir' },
      },
    });
  });
  it('accepts a crisis with no rules (the server makes it, with a notice) and no principal', () => {
    const checked = inputOf({ ...emptyCrisisFields, slug: 'watch', name: 'Watch list' });
    expect(checked).toMatchObject({ ok: true, value: { actors: [], places: [], keywords: [] } });
    expect(checked.ok && 'principal' in checked.value).toBe(false);
  });
  it('says what is wrong in the shared schema’s words', () => {
    const checked = inputOf({ ...emptyCrisisFields, slug: 'Bad Slug', name: ' ' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toContain('slug: 2–40 lower-case letters, digits or "-", e.g. russia-ukraine');
    expect(checked.problems).toContain('name must not be empty');
  });
  it('refuses half a principal', () => {
    const checked = inputOf({ ...fieldsOf(crisis), theatre: '' });
    expect(checked.ok).toBe(false);
  });
});

describe('patchOf', () => {
  it('sends only what changed', () => {
    expect(patchOf({ ...fieldsOf(crisis), keywords: 'Pahalgam attack' }, crisis)).toEqual({
      ok: true,
      value: { keywords: ['Pahalgam attack'] },
    });
    expect(patchOf(fieldsOf(crisis), crisis)).toEqual({ ok: true, value: {} });
  });
  it('removes the principal with null, and changes it whole', () => {
    expect(patchOf({ ...fieldsOf(crisis), force: '', theatre: '' }, crisis)).toEqual({
      ok: true,
      value: { principal: null },
    });
    expect(patchOf({ ...fieldsOf(crisis), force: 'Pakistan' }, crisis)).toEqual({
      ok: true,
      value: { principal: { force: 'Pakistan', theatre: 'Kashmir' } },
    });
  });
});

describe('rulesSummary', () => {
  it('counts and names the rules, cut short', () => {
    expect(rulesSummary(crisis)).toBe('2 actors: India, Pakistan · 2 places: Kashmir, Line of Control');
    expect(rulesSummary({ actors: ['A', 'B', 'C'], places: [], keywords: ['one'] }, 2)).toBe(
      '3 actors: A, B, … · 1 keyword: one',
    );
    expect(rulesSummary({ actors: [], places: [], keywords: [] })).toBeNull();
  });
});
