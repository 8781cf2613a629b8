/** Pure: the app's pages as the shell's navigation lists them, and which one a URL is. */

/** `perCrisis`: the page shows one crisis, so the link carries the crisis being looked at. */
export type NavItem = { id: string; label: string; href: string; perCrisis?: boolean };

/** Every page but the wall shares the shell; the wall is linked, as a screen of its own. */
export const navItems: readonly NavItem[] = [
  { id: 'home', label: 'Home', href: '/' },
  { id: 'desk', label: 'Desk', href: '/desk' },
  { id: 'crises', label: 'Crises', href: '/desk?view=crises' },
  { id: 'alerts', label: 'Alerts', href: '/alerts' },
  { id: 'feeds', label: 'Feeds', href: '/feeds' },
  { id: 'users', label: 'Users', href: '/users' },
  { id: 'trends', label: 'Trends', href: '/trends', perCrisis: true },
  { id: 'wall', label: 'Wall', href: '/wall', perCrisis: true },
];

/** The nav item a location is: the desk's crises screen is "crises", its other screens "desk". */
export function currentNavId(pathname: string, search: string): string | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/desk') return new URLSearchParams(search).get('view') === 'crises' ? 'crises' : 'desk';
  return navItems.find((n) => n.href === path)?.id ?? null;
}

/** Where a nav item leads from a page showing `crisis` (the wall and trends open on that crisis). */
export function navHref(item: NavItem, crisis: string | null | undefined): string {
  return item.perCrisis && crisis ? `${item.href}?crisis=${encodeURIComponent(crisis)}` : item.href;
}

/** True when a key press belongs to a field being typed in, not to the page's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || !(target as HTMLElement).tagName) return false;
  const el = target as HTMLElement;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}
