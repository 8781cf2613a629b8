import { describe, expect, it } from 'vitest';
import { crisisToShow, missingCrises, parseCrisisChoice, playlistOf } from './crisisChoice.js';

const known = ['russia-ukraine', 'china-taiwan', 'kashmir'];

describe('parseCrisisChoice', () => {
  it('shows the default crisis when the URL names none', () => {
    expect(parseCrisisChoice('')).toEqual({ crisis: null, playlist: null, rotateSeconds: 60 });
  });
  it('reads one crisis, ignoring a malformed slug', () => {
    expect(parseCrisisChoice('?crisis=china-taiwan').crisis).toBe('china-taiwan');
    expect(parseCrisisChoice('?crisis=Bad%20Slug!').crisis).toBeNull();
  });
  it('reads a playlist: valid slugs once each, in order, and clamps its period', () => {
    const choice = parseCrisisChoice('?crises=china-taiwan,,x,russia-ukraine,china-taiwan&rotateCrisesSeconds=1');
    expect(choice.playlist).toEqual(['china-taiwan', 'russia-ukraine']);
    expect(choice.rotateSeconds).toBe(5);
    expect(parseCrisisChoice('?crises=a1,b2&rotateCrisesSeconds=99999').rotateSeconds).toBe(3600);
    expect(parseCrisisChoice('?crises=a1,b2&rotateCrisesSeconds=soon').rotateSeconds).toBe(60);
    expect(parseCrisisChoice('?crises=all').playlist).toBe('all');
    expect(parseCrisisChoice('?crises=,,').playlist).toBeNull();
  });
});

describe('crisisToShow', () => {
  it('turns through the playlist, wrapping around', () => {
    const choice = parseCrisisChoice('?crises=kashmir,russia-ukraine');
    expect([0, 1, 2, 3].map((turn) => crisisToShow(choice, known, turn))).toEqual([
      'kashmir',
      'russia-ukraine',
      'kashmir',
      'russia-ukraine',
    ]);
  });
  it('skips crises that do not exist, and falls back to the default when none does', () => {
    const choice = parseCrisisChoice('?crises=gone-one,china-taiwan');
    expect(playlistOf(choice, known)).toEqual(['china-taiwan']);
    expect(crisisToShow(choice, known, 1)).toBe('china-taiwan');
    expect(crisisToShow(parseCrisisChoice('?crises=gone-one'), known, 0)).toBe('russia-ukraine');
    expect(crisisToShow(parseCrisisChoice('?crisis=gone-one'), known, 0)).toBe('russia-ukraine');
    expect(missingCrises(parseCrisisChoice('?crisis=gone-one&crises=gone-one,kashmir,gone-two'), known)).toEqual([
      'gone-one',
      'gone-two',
    ]);
  });
  it('trusts the URL until the crises are known, and leaves the default to the server', () => {
    expect(crisisToShow(parseCrisisChoice('?crisis=kashmir'), null, 0)).toBe('kashmir');
    expect(crisisToShow(parseCrisisChoice('?crises=kashmir,china-taiwan'), null, 1)).toBe('china-taiwan');
    expect(crisisToShow(parseCrisisChoice(''), null, 0)).toBeUndefined();
    expect(crisisToShow(parseCrisisChoice(''), known, 0)).toBe('russia-ukraine');
    expect(missingCrises(parseCrisisChoice('?crisis=x1'), null)).toEqual([]);
  });
  it('turns through every crisis for "all", and a crisis made later joins', () => {
    const choice = parseCrisisChoice('?crises=all');
    expect(playlistOf(choice, known)).toEqual(known);
    expect(playlistOf(choice, [...known, 'new-one'])).toContain('new-one');
    expect(crisisToShow(choice, null, 0)).toBeUndefined();
  });
});
