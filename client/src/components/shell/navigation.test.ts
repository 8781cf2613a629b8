import { describe, expect, it } from 'vitest';
import { currentNavId, navHref, navItems } from './navigation.js';

describe('the shell navigation', () => {
  it('names the page of a URL, the desk and its crises screen apart', () => {
    expect(currentNavId('/', '')).toBe('home');
    expect(currentNavId('/desk', '')).toBe('desk');
    expect(currentNavId('/desk/', '?view=no-crisis')).toBe('desk');
    expect(currentNavId('/desk', '?view=crises')).toBe('crises');
    expect(currentNavId('/feeds', '')).toBe('feeds');
    expect(currentNavId('/users', '')).toBe('users');
    expect(currentNavId('/trends', '?crisis=china-taiwan')).toBe('trends');
    expect(currentNavId('/nowhere', '')).toBeNull();
  });

  it('lists every page the shell serves, and the wall', () => {
    expect(navItems.map((n) => n.id)).toEqual(['home', 'desk', 'crises', 'alerts', 'feeds', 'users', 'trends', 'wall']);
  });

  it('opens the wall and trends on the crisis being looked at, other pages as they are', () => {
    const byId = (id: string) => navItems.find((n) => n.id === id)!;
    expect(navHref(byId('trends'), 'russia-ukraine')).toBe('/trends?crisis=russia-ukraine');
    expect(navHref(byId('wall'), 'china-taiwan')).toBe('/wall?crisis=china-taiwan');
    expect(navHref(byId('wall'), null)).toBe('/wall');
    expect(navHref(byId('alerts'), 'russia-ukraine')).toBe('/alerts');
  });
});
