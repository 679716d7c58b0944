import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@clinikapi/source'] },
  test: { name: 'demo', environment: 'node', include: ['server/**/*.test.ts'] },
});
