import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions, mergeConfig } from 'vite';
import { liveSandbox } from './liveSandbox';

// Configured by hand: `storybook init` cannot reach the CLI version it wants here (toolchain.md).
const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  // Workspace packages resolve to their TypeScript sources, as in tests and type-checking.
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: { conditions: ['@clinikapi/source', ...defaultClientConditions] },
      // Pre-bundled up front: discovered late (a warm cache after an import changed), they make
      // Vite reload mid-run and fail the stories running then. Named through the package that
      // depends on them: pnpm does not hoist them to the root.
      optimizeDeps: {
        include: [
          '@clinikapi/react > @date-fns/tz',
          '@clinikapi/react > @date-fns/tz/date/mini',
          '@clinikapi/react > date-fns',
          '@clinikapi/react > msw',
          '@clinikapi/core > zod/mini',
        ],
      },
      plugins: [liveSandbox()],
    }),
};

export default config;
