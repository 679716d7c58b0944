import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@clinikapi/source'] },
  test: { name: 'proxy', environment: 'node', include: ['src/**/*.test.ts'] },
});
