let warned = false;

/**
 * Warns once per page load, in development builds only, that `<ClinikProvider>` got no `timeZone`
 * and falls back to `zone` (the runtime's: the browser's), so ages, "today" and free slots follow
 * whoever opens the page instead of the practice.
 *
 * "Development" is `process.env.NODE_ENV !== 'production'`, written inline so bundlers (Vite,
 * webpack, Next.js, esbuild `define`) fold it and drop the message from production bundles. Where
 * nothing defines `process` (the ESM build loaded unbundled) nothing is said.
 */
export function warnMissingTimeZone(zone: string): void {
  if (typeof process === 'undefined' || process.env.NODE_ENV === 'production' || warned) return;
  warned = true;
  console.warn(
    `[clinikapi] <ClinikProvider> has no timeZone prop, so dates and times use this runtime's zone (${zone}), ` +
      'not the practice\'s. Pass the practice\'s IANA zone, e.g. timeZone="America/New_York". ' +
      '(Shown once, in development builds only.)',
  );
}
