// Bundle budget: the package entry bundled as an app would (ESM, minified), with React,
// ReactDOM and TanStack Query external, must stay under the gzip budget.
// The form's validation (core's zod schemas) sits behind a dynamic import() and loads with the
// first form; it is measured and printed separately.
// Usage: node scripts/size.mjs [--budget-kb 25]
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const budgetFlag = process.argv.indexOf('--budget-kb');
const budgetKb = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : 25;
const source = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
const LAZY = /validatePatient\.js$/;

// esbuild's code splitting hoists modules shared with a lazy chunk into a chunk the entry loads
// eagerly, which a tree-shaking app bundler does not; so the lazy module is cut off here and
// bundled on its own below.
const lazyBoundary = {
  name: 'lazy-boundary',
  setup(b) {
    b.onResolve({ filter: LAZY }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

async function bundle(entry, plugins = []) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    conditions: ['@clinikapi/source'],
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins,
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  return { code, gzipKb: gzipSync(code, { level: 9 }).length / 1024, inputs };
}

function byPackage(inputs) {
  const sizes = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match
      ? match[1]
      : file.includes('core/src')
        ? '@clinikapi/core'
        : '@clinikapi/react';
    sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
  }
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} kB`)
    .join(', ');
}

const main = await bundle(source('index.ts'), [lazyBoundary]);
const lazy = await bundle(source('patients/PatientForm/validatePatient.ts'));

console.log(
  `@clinikapi/react bundle: ${(main.code.length / 1024).toFixed(1)} kB minified, ` +
    `${main.gzipKb.toFixed(1)} kB gzip (budget ${budgetKb} kB gzip)`,
);
console.log(`  minified bytes by package: ${byPackage(main.inputs)}`);
console.log(
  `  loaded with the first PatientForm: ${lazy.gzipKb.toFixed(1)} kB gzip (validation: core schemas + zod)`,
);
if (main.gzipKb > budgetKb) {
  console.error(`Over budget by ${(main.gzipKb - budgetKb).toFixed(1)} kB gzip`);
  process.exit(1);
}
