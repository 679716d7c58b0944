import type { TestProject } from 'vitest/node';
import { startSandboxProxy } from './sandboxProxy.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `/api/clinik` of a real proxy in front of an in-memory sandbox, shared by all test files. */
    sandboxProxyUrl: string;
  }
}

// Started once per run in the main Node process (not in jsdom, where PGlite's WASM is unhappy).
export default async function setup(project: TestProject) {
  const stack = await startSandboxProxy();
  project.provide('sandboxProxyUrl', stack.baseUrl);
  return () => stack.close();
}
