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

describe('medication pages in an app bundle', () => {
  it('MedicationList alone: no form, no zod, no other domain; value sets only on demand', async () => {
    const list = await bundlePage(page('MedicationList'));
    const initial = text(list.initial);
    expect(initial).not.toContain('must be a valid id'); // core's schemas (zod)
    expect(initial).not.toContain('ck-prescription-form'); // the form's markup
    expect(initial).not.toContain('ck-immunization');
    expect(initial).not.toContain('Search patients');
    expect(initial).not.toContain('Book appointment');
    // Status reasons and the RxNorm ingredient table are chunks of their own.
    expect(initial).not.toContain('medicationrequest-status-reason');
    expect(initial).not.toContain('17767');
    expect(text(list.lazy)).toContain('medicationrequest-status-reason');
    console.info(
      `MedicationList page: ${list.initialKb.toFixed(1)} kB gzip up front, ${list.totalKb.toFixed(1)} kB with every lazy chunk`,
    );
    expect(list.initialKb).toBeLessThan(16);
  });

  it('PrescriptionForm alone: validation, routes, units and RxNorm tables load on demand', async () => {
    const form = await bundlePage(page('PrescriptionForm'));
    const initial = text(form.initial);
    expect(initial).not.toContain('must be a valid id');
    expect(initial).not.toContain('26643006'); // SNOMED CT oral route
    expect(initial).not.toContain('17767'); // RxNorm amlodipine (ingredient table, value set)
    expect(initial).not.toContain('ck-immunization');
    expect(initial).not.toContain('ck-medication-list');
    expect(initial).not.toContain('Search patients');
    const lazy = text(form.lazy);
    expect(lazy).toContain('26643006');
    expect(lazy).toContain('must be a valid id');
    console.info(
      `PrescriptionForm page: ${form.initialKb.toFixed(1)} kB gzip up front, ${form.totalKb.toFixed(1)} kB with every lazy chunk`,
    );
    expect(form.initialKb).toBeLessThan(25);
  });

  it('a page with both widgets shares one copy of the kits', async () => {
    const both = await bundlePage(page('MedicationList, PrescriptionForm'));
    const list = await bundlePage(page('MedicationList'));
    const form = await bundlePage(page('PrescriptionForm'));
    console.info(
      `MedicationList + PrescriptionForm page: ${both.initialKb.toFixed(1)} kB gzip up front, ${both.totalKb.toFixed(1)} kB in all`,
    );
    expect(both.initialKb).toBeLessThan(list.initialKb + form.initialKb);
  });
});
