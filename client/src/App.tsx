/** The app shell: one page per path, each loaded only when visited (the wall stays small). */
import { lazy, Suspense } from 'react';

const HomePage = lazy(() => import('./features/home/HomePage.js').then((m) => ({ default: m.HomePage })));
const WallPage = lazy(() => import('./features/wall/WallPage.js').then((m) => ({ default: m.WallPage })));
const FeedAdminPage = lazy(() =>
  import('./features/feedAdmin/FeedAdminPage.js').then((m) => ({ default: m.FeedAdminPage })),
);
const DeskPage = lazy(() => import('./features/desk/DeskPage.js').then((m) => ({ default: m.DeskPage })));
const UsersPage = lazy(() => import('./features/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const TrendsPage = lazy(() => import('./features/trends/TrendsPage.js').then((m) => ({ default: m.TrendsPage })));
const AlertsPage = lazy(() => import('./features/alerts/AlertsPage.js').then((m) => ({ default: m.AlertsPage })));

/** Screens that other features register; unknown paths show the home page (one crisis' live feed). */
export const routes: Record<string, React.LazyExoticComponent<() => React.JSX.Element>> = {
  '/': HomePage,
  '/wall': WallPage,
  '/feeds': FeedAdminPage,
  '/desk': DeskPage,
  '/alerts': AlertsPage,
  '/users': UsersPage,
  '/trends': TrendsPage,
};

export function App() {
  const path = window.location.pathname.replace(/\/+$/, '') || '/';
  const Page = routes[path] ?? HomePage;
  return (
    <Suspense fallback={<div className="loading">Loading…</div>}>
      <Page />
    </Suspense>
  );
}
