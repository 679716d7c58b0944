// The consumer app of the size benchmark: a temporary folder with @clinikapi/react and
// @clinikapi/core installed as `npm install` lays out their published files, and the entries of
// its pages. Used by scripts/size.mjs.
import { existsSync } from 'node:fs';
import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  symlink,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';

// The consumer app: its own folder with the two packages installed as `npm install` lays out their
// published files (package.json + dist/, copied, so a rebuild meanwhile cannot change the figures
// midway) and their dependencies beside them; imports resolve through the packages' `exports`.
export async function createApp(installs) {
  const app = await mkdtemp(join(tmpdir(), 'ck-size-'));
  for (const { dir, dist } of installs) await install(join(app, 'node_modules'), dir, dist);
  return app;
}

async function install(modules, dir, dist) {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  const at = join(modules, manifest.name);
  await mkdir(at, { recursive: true });
  await copyFile(join(dir, 'package.json'), join(at, 'package.json'));
  await cp(dist, join(at, 'dist'), {
    recursive: true,
    filter: (file) => !file.endsWith('.map'),
  });
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (dep.startsWith('@clinikapi/') || existsSync(join(modules, dep))) continue;
    await mkdir(join(modules, dep, '..'), { recursive: true });
    await symlink(await realpath(join(dir, 'node_modules', dep)), join(modules, dep), 'dir');
  }
}

/** Export names of the package's main entry, as an app sees them. */
export async function packageExports(app) {
  const result = await esbuild({
    entryPoints: [join(app, 'node_modules/@clinikapi/react/dist/index.js')],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: join(app, 'out'),
    packages: 'external',
    logLevel: 'error',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  return output.exports.filter((name) => name !== 'default');
}

/** Names the package exports from one folder of src/ (an area): [] while it exports none. */
export async function areaExports(app, srcDir, area, exported) {
  const dir = join(srcDir, area);
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir, { recursive: true }))
    .filter(
      (f) =>
        /\.tsx?$/.test(f) && !/(\.test|\.test-d|\.stories)\.tsx?$|(^|\/)(test|bench)\//.test(f),
    )
    .map((f) => join(dir, f));
  if (files.length === 0) return [];
  const result = await esbuild({
    entryPoints: files,
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: join(app, 'out-area'),
    logLevel: 'silent',
  }).catch(() => null);
  if (!result) return [];
  const names = new Set(Object.values(result.metafile.outputs).flatMap((o) => o.exports));
  return exported.filter((name) => names.has(name));
}

/** The app of a page: renders `render` inside ClinikProvider; `keep` are referenced only. */
export function entrySource({ render = [], keep = [] }) {
  const names = [...new Set(['ClinikProvider', ...render, ...keep])];
  const elements = render.map((name) => `h(${name}, {})`).join(', ');
  return [
    "import { createElement as h } from 'react';",
    "import { createRoot } from 'react-dom/client';",
    `import { ${names.join(', ')} } from '@clinikapi/react';`,
    keep.length > 0 ? `globalThis.__kept = [${keep.join(', ')}];` : '',
    `createRoot(document.getElementById('root')).render(h(ClinikProvider, null${elements ? `, ${elements}` : ''}));`,
    '',
  ].join('\n');
}

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
