// `@clinikapi/core`: everything, for servers and Node. The two halves are subpaths of their own
// for browser bundles: `@clinikapi/core/client` (no zod, no schema) and `@clinikapi/core/schemas`.
export * from './entries/client.js';
export * from './entries/schemas.js';
