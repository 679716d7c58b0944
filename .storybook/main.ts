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
      // Pre-bundled up front: discovered late, they make Vite reload mid-run and fail the first story test.
      optimizeDeps: { include: ['@date-fns/tz', '@date-fns/tz/date/mini', 'date-fns', 'msw'] },
      plugins: [liveSandbox()],
    }),
};

export default config;
