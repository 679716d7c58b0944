import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@clinikapi/source'] },
  // Tests run server-side (SSR transform): the source condition must apply there too, not only dist.
  ssr: { resolve: { conditions: ['@clinikapi/source'] } },
  test: {
    name: 'sandbox',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Each file shares one embedded Postgres (~3 s to start); allow for that on a busy 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
