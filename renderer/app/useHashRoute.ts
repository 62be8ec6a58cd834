import { useCallback, useSyncExternalStore } from 'react';

export const ROUTES = ['issue', 'exchange', 'suspend', 'journal', 'stock', 'returns', 'operators', 'settings', 'password', 'glance', 'log', 'approvals', 'day', 'sync'] as const;
export type Route = (typeof ROUTES)[number];

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function current(): Route {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'issue';
}

/** The screen shown in the main area, kept in location.hash (#/issue, #/stock …). */
export function useHashRoute(): [Route, (route: Route) => void] {
  const route = useSyncExternalStore(subscribe, current, () => 'issue' as Route);
  const go = useCallback((next: Route) => {
    if (current() !== next || window.location.hash !== `#/${next}`) window.location.hash = `#/${next}`;
  }, []);
  return [route, go];
}
