// Bundle budget: the package entry bundled as an app would (ESM, minified), with React,
// ReactDOM and TanStack Query external, must stay under the gzip budget.
// Usage: node scripts/size.mjs [--budget-kb 25]
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const budgetFlag = process.argv.indexOf('--budget-kb');
const budgetKb = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : 25;
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

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
});

const code = result.outputFiles[0].contents;
const gzipKb = gzipSync(code, { level: 9 }).length / 1024;
const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
const byPackage = new Map();
for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  const name = match ? match[1] : file.includes('packages/core') ? '@clinikapi/core' : '@clinikapi/react';
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
console.log(`@clinikapi/react bundle: ${(code.length / 1024).toFixed(1)} kB minified, ${gzipKb.toFixed(1)} kB gzip (budget ${budgetKb} kB gzip)`);
console.log(`  minified bytes by package: ${top.map(([n, b]) => `${n} ${(b / 1024).toFixed(1)} kB`).join(', ')}`);
if (gzipKb > budgetKb) {
  console.error(`Over budget by ${(gzipKb - budgetKb).toFixed(1)} kB gzip`);
  process.exit(1);
}
