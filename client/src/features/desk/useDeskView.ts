/**
 * Which of the desk's screens is shown, from the URL (/desk, /desk?view=no-crisis,
 * /desk?view=crises, /desk?view=picture, /desk?view=queue, /desk?view=as-of: the server serves the
 * app at /desk only), switched in place (history.pushState) so the desk keeps its one socket and its
 * list of crises.
 */
import { useCallback, useEffect, useState } from 'react';

export const deskViews = {
  reports: '/desk',
  'no-crisis': '/desk?view=no-crisis',
  crises: '/desk?view=crises',
  picture: '/desk?view=picture',
  'as-of': '/desk?view=as-of',
  queue: '/desk?view=queue',
} as const;
export type DeskView = keyof typeof deskViews;

function viewOf(search: string): DeskView {
  const asked = new URLSearchParams(search).get('view');
  return asked === 'no-crisis' || asked === 'crises' || asked === 'picture' || asked === 'queue' || asked === 'as-of'
    ? asked
    : 'reports';
}

export function useDeskView(): [DeskView, (view: DeskView) => void] {
  const [view, setView] = useState<DeskView>(() => viewOf(window.location.search));
  useEffect(() => {
    const onPop = () => setView(viewOf(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((next: DeskView) => {
    if (viewOf(window.location.search) !== next) window.history.pushState(null, '', deskViews[next]);
    setView(next);
  }, []);
  return [view, go];
}
