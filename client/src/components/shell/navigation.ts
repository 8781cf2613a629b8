/** Pure: the app's pages as the shell's navigation lists them, and which one a URL is. */

export type NavItem = { id: string; label: string; href: string };

/** Every page but the wall shares the shell; the wall is linked, as a screen of its own. */
export const navItems: readonly NavItem[] = [
  { id: 'home', label: 'Home', href: '/' },
  { id: 'desk', label: 'Desk', href: '/desk' },
  { id: 'crises', label: 'Crises', href: '/desk?view=crises' },
  { id: 'alerts', label: 'Alerts', href: '/alerts' },
  { id: 'feeds', label: 'Feeds', href: '/feeds' },
  { id: 'users', label: 'Users', href: '/users' },
  { id: 'wall', label: 'Wall', href: '/wall' },
];

/** The nav item a location is: the desk's crises screen is "crises", its other screens "desk". */
export function currentNavId(pathname: string, search: string): string | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/desk') return new URLSearchParams(search).get('view') === 'crises' ? 'crises' : 'desk';
  return navItems.find((n) => n.href === path)?.id ?? null;
}

/** True when a key press belongs to a field being typed in, not to the page's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || !(target as HTMLElement).tagName) return false;
  const el = target as HTMLElement;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}
