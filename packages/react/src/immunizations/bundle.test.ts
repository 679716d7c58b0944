// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

// Pages as an app's bundler builds them (Vite, production, code splitting, minified; React and
// TanStack Query provided by the app), importing from the package entry, so what is measured is
// tree-shaking. Every chunk a page can load is counted: `initial` loads with the page (static
// imports), `lazy` through import(). (esbuild's splitting hoists modules a lazy chunk shares into
// an eager chunk, which an app's Rollup-based build does not do, so Vite is the measure here.)
const entryFile = fileURLToPath(new URL('../index.ts', import.meta.url));

async function bundlePage(contents: string) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@clinikapi/source', 'browser', 'module', 'import', 'default'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'page',
        resolveId: (id) => (id === 'virtual:page' ? '\0page' : undefined),
        load: (id) => (id === '\0page' ? contents.replace('./index.ts', entryFile) : undefined),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rollupOptions: {
        input: 'virtual:page',
        preserveEntrySignatures: 'exports-only',
        external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
      },
    },
  });
  const result = (Array.isArray(output) ? output[0] : output) as Rollup.RollupOutput;
  const chunks = result.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Map<string, Rollup.OutputChunk>();
  const reachable = new Map<string, Rollup.OutputChunk>();
  const visit = (chunk: Rollup.OutputChunk | undefined, eager: boolean) => {
    if (!chunk) return;
    if (eager ? initial.has(chunk.fileName) : reachable.has(chunk.fileName)) return;
    if (eager) initial.set(chunk.fileName, chunk);
    reachable.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(byName.get(name), eager);
    for (const name of chunk.dynamicImports) visit(byName.get(name), false);
  };
  visit(
    chunks.find((c) => c.isEntry),
    true,
  );
  const kb = (files: Iterable<Rollup.OutputChunk>) =>
    [...files].reduce((sum, f) => sum + gzipSync(f.code, { level: 9 }).length, 0) / 1024;
  const asText = (files: Iterable<Rollup.OutputChunk>) => [...files].map((f) => ({ text: f.code }));
  return {
    initial: asText(initial.values()),
    lazy: asText([...reachable.values()].filter((f) => !initial.has(f.fileName))),
    initialKb: kb(initial.values()),
    totalKb: kb(reachable.values()),
  };
}

const page = (names: string) => `export { ${names} } from './index.ts';`;
const text = (files: { text: string }[]) => files.map((f) => f.text).join('\n');

describe('immunization pages in an app bundle', () => {
  it('ImmunizationList alone: no form, no zod, no other domain', async () => {
    const list = await bundlePage(page('ImmunizationList'));
    const initial = text(list.initial);
    expect(initial).not.toContain('must be a valid id'); // core's schemas (zod)
    expect(initial).not.toContain('ck-immunization-form');
    expect(initial).not.toContain('ck-medication-list');
    expect(initial).not.toContain('ck-prescription-form');
    expect(initial).not.toContain('Search patients');
    console.info(
      `ImmunizationList page: ${list.initialKb.toFixed(1)} kB gzip up front, ${list.totalKb.toFixed(1)} kB with every lazy chunk`,
    );
    expect(list.initialKb).toBeLessThan(10);
  });

  it('ImmunizationForm alone: validation, sites, routes, reasons and CVX load on demand', async () => {
    const form = await bundlePage(page('ImmunizationForm'));
    const initial = text(form.initial);
    expect(initial).not.toContain('must be a valid id');
    expect(initial).not.toContain('78421000'); // SNOMED CT intramuscular route
    expect(initial).not.toContain('PATOBJ');
    expect(initial).not.toContain('Tdap'); // the CVX value set
    expect(initial).not.toContain('ck-medication-list');
    expect(initial).not.toContain('ck-prescription-form');
    const lazy = text(form.lazy);
    expect(lazy).toContain('78421000');
    expect(lazy).toContain('must be a valid id');
    console.info(
      `ImmunizationForm page: ${form.initialKb.toFixed(1)} kB gzip up front, ${form.totalKb.toFixed(1)} kB with every lazy chunk`,
    );
    expect(form.initialKb).toBeLessThan(22);
  });

  it('a page with both widgets', async () => {
    const both = await bundlePage(page('ImmunizationList, ImmunizationForm'));
    console.info(
      `ImmunizationList + ImmunizationForm page: ${both.initialKb.toFixed(1)} kB gzip up front, ${both.totalKb.toFixed(1)} kB in all`,
    );
    expect(both.initialKb).toBeLessThan(24);
  });
});
