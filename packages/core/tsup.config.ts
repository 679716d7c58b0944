import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * Every source module `entries` reach through relative imports (static, dynamic, re-exports),
 * as paths like `src/client/client.ts`: what the published ESM build consists of.
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

// Subpaths: `client` (no zod, no schema: what browser pages load up front) and `schemas` (zod, the
// schemas and `validate`, which browser code loads with `import()`); the main entry is both.
const ENTRIES = ['src/index.ts', 'src/entries/client.ts', 'src/entries/schemas.ts'];

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
    // ESM: one file per source module (imports kept as they are), so an app's bundler keeps only
    // the modules a page uses: a page that never validates gets no schema and no zod, even where
    // a schema's top-level `z.strictObject(...)` call is not provably pure.
    ...shared,
    entry: esmModules,
    bundle: false,
    format: ['esm'],
    // One d.ts bundle per entry (tsc -b type-checks with project references; this is built outside
    // them). The package's build script copies them to .d.cts for `require`: the same declarations.
    dts: {
      entry: {
        index: 'src/index.ts',
        client: 'src/entries/client.ts',
        schemas: 'src/entries/schemas.ts',
      },
      compilerOptions: { composite: false, customConditions: [] },
    },
  },
  {
    // CommonJS (Node `require`): one bundled file, no d.ts of its own (see above). The subpaths
    // require it too (package.json), so `require` sees one copy of each class (instanceof holds).
    ...shared,
    entry: ['src/index.ts'],
    format: ['cjs'],
  },
]);
