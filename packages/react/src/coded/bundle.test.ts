// @vitest-environment node
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Bundled as an app's bundler does it: ESM, code splitting, minified, React and TanStack Query
// provided by the app. Every chunk is counted.
const src = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

async function bundlePage(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: src('.'), loader: 'tsx' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: '/virtual',
    write: false,
    metafile: true,
    platform: 'browser',
    target: 'es2022',
    conditions: ['@clinikapi/source'],
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const metafile = result.metafile as Metafile;
  const entryKey =
    Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === '<stdin>')?.[0] ?? '';
  const all = result.outputFiles.map((file) => ({
    name: basename(file.path),
    entry: file.path === resolve(entryKey),
    text: file.text,
    gzip: gzipSync(file.contents, { level: 9 }).length,
  }));
  // What the page can ever load: the entry and the chunks it imports, statically or with
  // import(), transitively. (esbuild also emits chunks for dynamic imports of code it shook
  // out; nothing references them, so no browser downloads them.)
  const byName = new Map(all.map((f) => [f.name, f]));
  const reachable = new Map<string, (typeof all)[number]>();
  const visit = (file: (typeof all)[number] | undefined) => {
    if (!file || reachable.has(file.name)) return;
    reachable.set(file.name, file);
    for (const match of file.text.matchAll(/["']\.\/([\w.-]+\.js)["']/g)) {
      visit(byName.get(match[1] ?? ''));
    }
  };
  const entry = all.find((f) => f.entry);
  visit(entry);
  const files = [...reachable.values()];
  return { files, entry, gzipKb: files.reduce((sum, f) => sum + f.gzip, 0) / 1024 };
}

describe('the coded kit in an app bundle', () => {
  it('keeps every value set out of the main chunk, each in a chunk of its own', async () => {
    const { files, entry } = await bundlePage(
      "export { CodeInput, useCodeInput } from './index.ts';",
    );
    expect(entry).toBeDefined();
    // One code from each shipped set.
    const marks = ['762952008', '39579001', 'J45.909', '83367', 'Zoster recombinant'];
    for (const mark of marks) {
      expect(entry?.text.includes(mark), `${mark} in the main chunk`).toBe(false);
      const holders = files.filter((f) => f.text.includes(mark));
      expect(holders.length, `${mark} in one lazy chunk`).toBe(1);
    }
    const lazy = files.filter((f) => marks.some((mark) => f.text.includes(mark)));
    expect(new Set(lazy.map((f) => f.name)).size).toBe(marks.length);
  });

  it('a page with only CodeInput carries no patient or appointment code, nor zod', async () => {
    const { files } = await bundlePage("export { CodeInput } from './index.ts';");
    const text = files.map((f) => f.text).join('\n');
    expect(text).not.toContain('Search patients');
    expect(text).not.toContain('Book appointment');
    expect(text).not.toContain('must be a valid id'); // core's schemas
    const { gzipKb } = await bundlePage("export { CodeInput } from './index.ts';");
    // About 6 kB gzip with all five value sets; a guard against accidental growth.
    expect(gzipKb).toBeLessThan(12);
  });
});
