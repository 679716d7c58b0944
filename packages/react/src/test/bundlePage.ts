import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

// Test helper: builds a page and measures it. Pages as an app's bundler builds them (Vite, production, code splitting, minified; React and
// TanStack Query provided by the app), importing from the package entry, so what is measured is
// tree-shaking. Every chunk a page can load is counted: `initial` loads with the page (static
// imports), `lazy` through import(). (esbuild's splitting hoists modules a lazy chunk shares into
// an eager chunk, which an app's Rollup-based build does not do, so Vite is the measure here.)
const entryFile = fileURLToPath(new URL('../index.ts', import.meta.url));

export async function bundlePage(contents: string) {
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

export const page = (names: string) => `export { ${names} } from './index.ts';`;
export const text = (files: { text: string }[]) => files.map((f) => f.text).join('\n');
