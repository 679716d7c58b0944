// The server-safe entry, `@clinikapi/react/server`: query options, keys and client binding for
// prefetching in server code (Next.js server components, route loaders). No React components,
// no hooks, no 'use client': importing it from a server component keeps it on the server.

export { bindClinikClient, clinikClientOf } from './queries/clientRegistry.js';
export { clinikQueries, resourceQueries } from './queries/clinikQueries.js';
export { RANGE_LIMIT } from './queries/collect.js';
export { clinikKeys, normalizeParams } from './queries/keys.js';
export type {
  CreateOf,
  InfiniteParamsOf,
  PageOf,
  PatchOf,
  RecordOf,
  SearchParamsOf,
} from './queries/types.js';
