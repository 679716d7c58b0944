import type { TestProject } from 'vitest/node';
import { startSandboxProxy } from './sandboxProxy.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `/api/clinik` of a real proxy in front of an in-memory sandbox, shared by all test files. */
    sandboxProxyUrl: string;
    /** The same, with search lagging writes by `SEARCH_LAG_MS` (the hosted API's behaviour). */
    laggedProxyUrl: string;
    /** Search lagging by `BRIEF_LAG_MS`: for tests that need a record to reach search first. */
    briefLagProxyUrl: string;
  }
}

// Started once per run in the main Node process (not in jsdom, where PGlite's WASM is unhappy).
export default async function setup(project: TestProject) {
  const stacks = await Promise.all([
    startSandboxProxy(),
    startSandboxProxy({ searchLagMs: SEARCH_LAG_MS }),
    startSandboxProxy({ searchLagMs: BRIEF_LAG_MS }),
  ]);
  const [stack, lagged, brief] = stacks;
  project.provide('sandboxProxyUrl', stack.baseUrl);
  project.provide('laggedProxyUrl', lagged.baseUrl);
  project.provide('briefLagProxyUrl', brief.baseUrl);
  return async () => {
    await Promise.all(stacks.map((s) => s.close()));
  };
}

/** Longer than any test that uses the lagged stack, so its searches stay stale throughout. */
export const SEARCH_LAG_MS = 60_000;
/** Short enough to wait for, long enough that a test's next step happens well within it. */
export const BRIEF_LAG_MS = 5_000;
