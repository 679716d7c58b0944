import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

// A tiny history-API router: real URLs, back/forward, no dependency.
const listeners = new Set<() => void>();
/**
 * Counts navigations: every `navigate()` and every back/forward that changes the path (not a
 * jump to a #fragment). 0 is the page load, where focus stays where the browser puts it.
 */
let navigations = 0;
let lastPath = window.location.pathname;
const onPopState = () => {
  if (window.location.pathname === lastPath) return;
  lastPath = window.location.pathname;
  navigations += 1;
};
window.addEventListener('popstate', onPopState);
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  lastPath = window.location.pathname;
  navigations += 1;
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/** The number of the current navigation (see `navigations`); changes with the path. */
export function useNavigation(): number {
  return useSyncExternalStore(subscribe, () => navigations);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Matches `/patients/:id` style patterns; returns the params or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const keys: string[] = [];
  const regex = new RegExp(
    `^${pattern.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    })}/?$`,
  );
  const match = regex.exec(pathname);
  if (!match) return null;
  return Object.fromEntries(keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? '')]));
}

export function Link({
  to,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
