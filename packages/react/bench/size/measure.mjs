// Measuring one page of the size benchmark: a Vite production build (the measure) and an esbuild
// build with code splitting (the cross-check) of an app entry, gzip level 9 per emitted JS chunk.
// Used by scripts/size.mjs, which writes the app (entries + node_modules) into `app`.
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild, transform } from 'esbuild';
// Vite is the root workspace's dev dependency (one version for the repo, resolved from here up).
import { build as viteBuild } from 'vite';

export const PEERS = ['react', 'react-dom', '@tanstack/react-query'];
const isPeer = (id) => PEERS.some((peer) => id === peer || id.startsWith(`${peer}/`));

export function packageOf(id) {
  const path = id.replaceAll('\\', '/');
  const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match ? match[1] : 'app + Vite runtime';
}
const isZod = (id) => packageOf(id) === 'zod';
const isSchemaRegistry = (id) => /core\/dist\/schemas\/index\.js$/.test(id.replaceAll('\\', '/'));
export const gzip = (code) => gzipSync(code, { level: 9 }).length;

/**
 * Eager = the entry chunk and what it imports statically, transitively; total = every chunk the
 * entry can reach through static and dynamic imports (esbuild also emits chunks for `import()`s
 * in code it shook out: nothing loads them, so they are not counted).
 */
function sizes(chunks, entryName, edgesOf) {
  const closure = (dynamic) => {
    const seen = new Set();
    const visit = (name) => {
      if (seen.has(name) || !chunks.has(name)) return;
      seen.add(name);
      const edges = edgesOf(name);
      for (const next of dynamic ? [...edges.static, ...edges.dynamic] : edges.static) visit(next);
    };
    visit(entryName);
    return seen;
  };
  const eager = closure(false);
  const reachable = closure(true);
  const sum = (names) => [...names].reduce((total, name) => total + chunks.get(name).gzip, 0);
  return { initial: sum(eager), total: sum(reachable), eager, reachable };
}

/**
 * Roughly where a page's bytes come from: each package's code in the page, minified and gzipped on
 * its own (so the parts add up to a little more than the page).
 */
async function packageShares(modules) {
  const code = new Map();
  for (const m of modules)
    code.set(packageOf(m.id), `${code.get(packageOf(m.id)) ?? ''}${m.code}\n`);
  const shares = [];
  for (const [name, text] of code) {
    const { code: minified } = await transform(text, { minify: true, loader: 'js' });
    shares.push([name, gzip(minified)]);
  }
  return shares.sort((a, b) => b[1] - a[1]);
}

export async function viteSize(app, id, source, { external = true } = {}) {
  const entry = join(app, `${id.replace(/[^a-z0-9-]/gi, '_')}.js`);
  await writeFile(entry, source);
  const result = await viteBuild({
    configFile: false,
    root: app,
    mode: 'production',
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rolldownOptions: { input: entry, external: external ? isPeer : [] },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = new Map();
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    const modules = Object.entries(chunk.modules)
      .filter(([, m]) => m.renderedLength > 0)
      .map(([moduleId, m]) => ({ id: moduleId, code: m.code ?? '' }));
    chunks.set(chunk.fileName, { gzip: gzip(chunk.code), chunk, modules });
  }
  const entryName = output.find((c) => c.type === 'chunk' && c.isEntry).fileName;
  const measured = sizes(chunks, entryName, (name) => ({
    static: chunks.get(name).chunk.imports,
    dynamic: chunks.get(name).chunk.dynamicImports,
  }));
  const eagerModules = [...measured.eager].flatMap((name) => chunks.get(name).modules);
  const allModules = [...measured.reachable].flatMap((name) => chunks.get(name).modules);
  return {
    ...measured,
    byPackage: () => packageShares(allModules),
    zodEager: eagerModules.some((m) => isZod(m.id)),
    registry: allModules.some((m) => isSchemaRegistry(m.id)),
  };
}

export async function esbuildSize(app, id, source) {
  const entry = join(app, `esb-${id.replace(/[^a-z0-9-]/gi, '_')}.js`);
  await writeFile(entry, source);
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    outdir: join(app, 'esb'),
    absWorkingDir: app,
    external: PEERS.flatMap((peer) => [peer, `${peer}/*`]),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const chunks = new Map();
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const name = relative(app, file.path);
    chunks.set(name, { gzip: gzip(file.contents), meta: result.metafile.outputs[name] });
  }
  const entryName = [...chunks].find(([, c]) => c.meta.entryPoint === relative(app, entry))[0];
  const edges = (name, kind) =>
    chunks
      .get(name)
      .meta.imports.filter((i) => i.kind === kind && !i.external)
      .map((i) => i.path);
  const measured = sizes(chunks, entryName, (name) => ({
    static: edges(name, 'import-statement'),
    dynamic: edges(name, 'dynamic-import'),
  }));
  const eagerInputs = [...measured.eager].flatMap((name) =>
    Object.keys(chunks.get(name).meta.inputs),
  );
  return { ...measured, zodEager: eagerInputs.some(isZod) };
}
