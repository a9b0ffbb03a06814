import { useEffect, useState } from 'react';

/** The views, in navigation order; the hash is `#/<view>?<params>`. */
export const viewNames = ['overview', 'events', 'users', 'timeline', 'training', 'alerts', 'live', 'settings'] as const;
export type ViewName = (typeof viewNames)[number];

/** Where the UI is: a view and its parameters (e.g. an Events filter or a user). */
export interface Route {
  view: ViewName;
  params: URLSearchParams;
}

/** Parse a location hash; anything unknown is the Overview. */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const view = (viewNames as readonly string[]).includes(path) ? (path as ViewName) : 'overview';
  return { view, params: new URLSearchParams(query) };
}

/** The hash of a view with parameters (empty values left out). */
export function routeHref(view: ViewName, params: Record<string, string | number | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return `#/${view}${text ? `?${text}` : ''}`;
}

/** Go to a view. */
export function navigate(view: ViewName, params: Record<string, string | number | null | undefined> = {}): void {
  window.location.hash = routeHref(view, params);
}

/** The current route, following hash changes (back/forward work). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
