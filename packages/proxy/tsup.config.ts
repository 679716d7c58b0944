import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/redis.ts'],
  format: ['esm', 'cjs'],
  // tsc -b type-checks with project references; the d.ts bundle is built outside them.
  dts: { compilerOptions: { composite: false, customConditions: [] } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
