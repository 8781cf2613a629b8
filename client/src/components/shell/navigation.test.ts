import { describe, expect, it } from 'vitest';
import { currentNavId, navItems } from './navigation.js';

describe('the shell navigation', () => {
  it('names the page of a URL, the desk and its crises screen apart', () => {
    expect(currentNavId('/', '')).toBe('home');
    expect(currentNavId('/desk', '')).toBe('desk');
    expect(currentNavId('/desk/', '?view=no-crisis')).toBe('desk');
    expect(currentNavId('/desk', '?view=crises')).toBe('crises');
    expect(currentNavId('/feeds', '')).toBe('feeds');
    expect(currentNavId('/users', '')).toBe('users');
    expect(currentNavId('/nowhere', '')).toBeNull();
  });

  it('lists every page the shell serves, and the wall', () => {
    expect(navItems.map((n) => n.id)).toEqual(['home', 'desk', 'crises', 'alerts', 'feeds', 'users', 'wall']);
  });
});
