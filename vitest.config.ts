import { defineConfig } from 'vitest/config';

// One run over every package; each project keeps its own config next to its code.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      // Every Storybook story as a test in headless Chromium (addon-vitest).
      '.storybook/vitest.config.ts',
    ],
  },
});
