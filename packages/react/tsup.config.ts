import { existsSync, readFileSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * Every source module `entries` reach through relative imports (static, dynamic, re-exports),
 * as paths like `src/patients/PatientList/PatientList.tsx`: what the published ESM build consists
 * of (work in progress that no entry reaches is not published).
 */
function reachableModules(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // Comments dropped: a JSDoc example of an import is not an import.
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    for (const [, spec] of text.matchAll(
      /(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g,
    )) {
      // The ESM build keeps imports as written, so each must name the .js file of a module here.
      const base = normalize(join(dirname(file), (spec as string).replace(/\.js$/, '')));
      const next = spec?.endsWith('.js')
        ? ['.ts', '.tsx'].map((ext) => base + ext).find((path) => existsSync(path))
        : undefined;
      if (!next) throw new Error(`${file}: '${spec}' is not the .js name of a source module`);
      visit(next);
    }
  };
  for (const entry of entries) visit(entry);
  return [...seen].sort();
}

const ENTRIES = ['src/index.ts', 'src/server.ts'];

const shared: Options = {
  sourcemap: true,
  clean: false,
  target: 'es2022',
};

const esmModules = reachableModules(ENTRIES);
// The two configs below run side by side, so neither cleans: dist/ is emptied here, once.
rmSync('dist', { recursive: true, force: true });

export default defineConfig([
  {
    // ESM: one file per source module, imports and each module's 'use client' kept as they are
    // (`server` reaches no 'use client' module), so an app's bundler keeps only the modules a page
    // uses, and the validators behind `import()` stay in their own chunk in every bundler.
    ...shared,
    entry: esmModules,
    bundle: false,
    format: ['esm'],
    // One d.ts bundle per entry (tsc -b type-checks with project references; this is built
    // outside them). The package's build script copies them to .d.cts for `require`.
    dts: {
      entry: { index: 'src/index.ts', server: 'src/server.ts' },
      compilerOptions: { composite: false, customConditions: [] },
    },
    // The stylesheet is published as-is: `import '@clinikapi/react/styles.css'`.
    onSuccess: async () => {
      await copyFile('src/styles.css', 'dist/styles.css');
    },
  },
  {
    // CommonJS (Node `require`): one bundled file per entry, no d.ts of its own (see above).
    ...shared,
    entry: ENTRIES,
    format: ['cjs'],
  },
]);
