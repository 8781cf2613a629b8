/** The app shell: one page per path, each loaded only when visited (the wall stays small). */
import { lazy, Suspense } from 'react';

const FeedPage = lazy(() => import('./features/feed/FeedPage.js').then((m) => ({ default: m.FeedPage })));
const WallPage = lazy(() => import('./features/wall/WallPage.js').then((m) => ({ default: m.WallPage })));
const FeedsPage = lazy(() => import('./features/feeds/FeedsPage.js').then((m) => ({ default: m.FeedsPage })));
const DeskPage = lazy(() => import('./features/desk/DeskPage.js').then((m) => ({ default: m.DeskPage })));
const UsersPage = lazy(() => import('./features/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const AlertsPage = lazy(() => import('./features/alerts/AlertsPage.js').then((m) => ({ default: m.AlertsPage })));

/** Screens that other features register; unknown paths show the feed. */
export const routes: Record<string, React.LazyExoticComponent<() => React.JSX.Element>> = {
  '/': FeedPage,
  '/wall': WallPage,
  '/feeds': FeedsPage,
  '/desk': DeskPage,
  '/alerts': AlertsPage,
  '/users': UsersPage,
};

export function App() {
  const path = window.location.pathname.replace(/\/+$/, '') || '/';
  const Page = routes[path] ?? FeedPage;
  return (
    <Suspense fallback={<div className="loading">Loading…</div>}>
      <Page />
    </Suspense>
  );
}
