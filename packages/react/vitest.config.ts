import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@clinikapi/source'] },
  test: {
    name: 'react',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    globalSetup: ['src/test/globalSetup.ts'],
    // A hang guard, not a speed check: the machine is shared and user-event tests type a lot.
    testTimeout: 20_000,
  },
});
