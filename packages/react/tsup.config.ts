import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
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
