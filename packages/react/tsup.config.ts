import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  // Two entries: the client one starts with 'use client'; `server` must not (server components).
  entry: ['src/index.ts', 'src/server.ts'],
  format: ['esm', 'cjs'],
  // tsc -b type-checks with project references; the d.ts bundle is built outside them.
  dts: { compilerOptions: { composite: false, customConditions: [] } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The stylesheet is published as-is: `import '@clinikapi/react/styles.css'`.
  onSuccess: async () => {
    await copyFile('src/styles.css', 'dist/styles.css');
  },
});
