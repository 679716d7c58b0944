/** Per-hook query settings. Everything else comes from `clinikQueries`. */
export interface ClinikQuerySettings {
  /** Set false to hold the request (e.g. until an id is known). Defaults to true. */
  enabled?: boolean | undefined;
  /** How long data counts as fresh, in ms. Defaults to the QueryClient's (30 s in the provider's own). */
  staleTime?: number | undefined;
  /** Poll every n ms, or false. Defaults to false. */
  refetchInterval?: number | false | undefined;
}
