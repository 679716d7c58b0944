import { afterAll, beforeAll, beforeEach } from 'vitest';
import { serveOnLoopback } from '../../test/serveOnLoopback.js';
import type { SchedulingApi } from './schedulingApi.js';

/**
 * One loopback server per test file in front of a fresh scheduling API per test (`seed`), with
 * the process in Los Angeles: far from the Kolkata and New York practices, so zone bugs show.
 * A test can swap the API with `use`.
 */
export function schedulingServer(seed: () => SchedulingApi) {
  const originalTz = process.env.TZ;
  let api: SchedulingApi | undefined;
  let server: Awaited<ReturnType<typeof serveOnLoopback>> | undefined;

  beforeAll(async () => {
    process.env.TZ = 'America/Los_Angeles';
    server = await serveOnLoopback((request) => {
      if (!api) throw new Error('no scheduling API for this test');
      return api.fetch(request);
    });
  });
  afterAll(async () => {
    process.env.TZ = originalTz;
    await server?.close();
  });
  beforeEach(() => {
    api = seed();
  });

  return {
    get api(): SchedulingApi {
      if (!api) throw new Error('schedulingServer: the API exists only inside a test');
      return api;
    },
    get baseUrl(): string {
      if (!server) throw new Error('schedulingServer: the server starts in beforeAll');
      return server.baseUrl;
    },
    use(next: SchedulingApi): SchedulingApi {
      api = next;
      return next;
    },
  };
}
