import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // tsc -b type-checks with project references; the d.ts bundle is built outside them.
    dts: { compilerOptions: { composite: false, customConditions: [] } },
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
  {
    // The `clinik-sandbox` bin: ESM only, runnable directly.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
]);
