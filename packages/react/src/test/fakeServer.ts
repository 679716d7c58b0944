import type { Patient } from '@clinikapi/core';
import { createFakeClinikApi, type FakeClinikApi } from './fakeApi.js';
import { serveOnLoopback } from './serveOnLoopback.js';

/** Serves a fake API over real HTTP on a loopback port, under the proxy path `/api/clinik`. */
export function serveFakeApi(api: FakeClinikApi) {
  return serveOnLoopback((request) => api.handle(request));
}

/**
 * One loopback server per test file whose API can be replaced per test
 * (`const api = server.reset(makePatients(30))`), so tests stay independent without restarting it.
 */
export async function startFakeApiServer() {
  let current = createFakeClinikApi();
  const served = await serveFakeApi({
    handle: (request) => current.handle(request),
    get patients() {
      return current.patients;
    },
    get log() {
      return current.log;
    },
    failNext: (...args) => current.failNext(...args),
    hold: () => current.hold(),
  });
  return {
    ...served,
    reset(seed: Patient[] = []): FakeClinikApi {
      current = createFakeClinikApi(seed);
      return current;
    },
  };
}
