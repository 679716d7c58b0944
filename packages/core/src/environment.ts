/** True in a browser page or web worker (including jsdom/happy-dom test environments). */
export function isBrowserLike(): boolean {
  const g = globalThis as { window?: { document?: unknown }; importScripts?: unknown };
  return (
    (typeof g.window === 'object' && typeof g.window?.document === 'object') ||
    typeof g.importScripts === 'function'
  );
}
