import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@clinikapi/source'] },
  // Node tests use the SSR transform: the source condition must apply there too, or core resolves to dist.
  ssr: { resolve: { conditions: ['@clinikapi/source'] } },
  test: { name: 'proxy', environment: 'node', include: ['src/**/*.test.ts'] },
});
