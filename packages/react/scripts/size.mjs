// Size benchmark and bundle budgets: builds a small consumer app per page of bench/size/pages.mjs
// with Vite (production build, as an installed app resolves the packages: their `exports` and
// `dist/`, not the `@clinikapi/source` condition) and prints, per page, the gzip size (level 9) of
// the JS it loads eagerly (the entry chunk and its static imports) and of every chunk it can load
// (total), with an esbuild build of the same page (code splitting on) as a cross-check.
// react, react-dom and @tanstack/react-query are external (measured once, printed under the table).
//
// Fails (exit 1) when a page is over its budget, when zod reaches a page's eager chunks in either
// bundler, when core's schema registry lands in a page, or when a widget area adds more than its
// share to the whole package. Run `pnpm run build` first (npm test does).
//
// Usage: node scripts/size.mjs [--budget <page>=<kB>]... [--write-readme]
//   --budget list=5     overrides a page's budget (e.g. to see the check fail)
//   --write-readme      rewrites the size figures in the READMEs (see READMES below)
//   --dist <dir>        measures other builds: <dir>/core/dist and <dir>/react/dist (e.g. built from
//                       an older commit), with this checkout's package.json files and dependencies
import { existsSync } from 'node:fs';
import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild, transform } from 'esbuild';
// Vite is the root workspace's dev dependency (one version for the repo, resolved from here up).
import { build as viteBuild } from 'vite';
import {
  BASE_AREAS,
  GROWTH_PER_AREA_KB,
  PAGES,
  WIDGET_AREAS,
  WIDGET_PAGE_BUDGET_KB,
} from '../bench/size/pages.mjs';

const started = performance.now();
const REACT_DIR = fileURLToPath(new URL('..', import.meta.url));
const CORE_DIR = fileURLToPath(new URL('../../core', import.meta.url));
// READMEs whose size figures come from this script (--write-readme): the table between
// <!-- size-table:start --> and <!-- size-table:end -->, and inline figures written as
// <!-- size:<page id>.<initial|total|lazy> -->8.8 kB<!-- /size --> (or size:peers, size:css).
const READMES = [
  join(REACT_DIR, 'README.md'),
  join(CORE_DIR, 'README.md'),
  join(REACT_DIR, '../../README.md'),
];
const PEERS = ['react', 'react-dom', '@tanstack/react-query'];
const isPeer = (id) => PEERS.some((peer) => id === peer || id.startsWith(`${peer}/`));
const kb = (bytes) => bytes / 1024;
const fmt = (bytes) => kb(bytes).toFixed(1);

const overrides = new Map();
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--budget') {
    const [id, value] = process.argv[++i].split('=');
    overrides.set(id, Number(value));
  }
}
const writeReadme = process.argv.includes('--write-readme');
const distFlag = process.argv.indexOf('--dist');
const distRoot = distFlag > 0 ? process.argv[distFlag + 1] : undefined;
const distOf = (dir, name) => (distRoot ? join(distRoot, name, 'dist') : join(dir, 'dist'));
// Areas are told apart by their folder under src/: the one next to the measured dist/ if any.
const SRC_DIR =
  distRoot && existsSync(join(distRoot, 'react/src'))
    ? join(distRoot, 'react/src')
    : join(REACT_DIR, 'src');

for (const file of [
  join(distOf(REACT_DIR, 'react'), 'index.js'),
  join(distOf(CORE_DIR, 'core'), 'index.js'),
]) {
  if (!existsSync(file)) {
    console.error(`${relative(process.cwd(), file)} is missing: run \`pnpm run build\` first.`);
    process.exit(1);
  }
}

// The consumer app: its own folder with the two packages installed as `npm install` lays out their
// published files (package.json + dist/, copied, so a rebuild meanwhile cannot change the figures
// midway) and their dependencies beside them; imports resolve through the packages' `exports`.
const app = await mkdtemp(join(tmpdir(), 'ck-size-'));
const modules = join(app, 'node_modules');
async function install(dir, name) {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  const at = join(modules, manifest.name);
  await mkdir(at, { recursive: true });
  await copyFile(join(dir, 'package.json'), join(at, 'package.json'));
  await cp(distOf(dir, name), join(at, 'dist'), {
    recursive: true,
    filter: (file) => !file.endsWith('.map'),
  });
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (dep.startsWith('@clinikapi/') || existsSync(join(modules, dep))) continue;
    await mkdir(join(modules, dep, '..'), { recursive: true });
    await symlink(await realpath(join(dir, 'node_modules', dep)), join(modules, dep), 'dir');
  }
}
await install(REACT_DIR, 'react');
await install(CORE_DIR, 'core');

/** Export names of the package's main entry, as an app sees them. */
async function packageExports() {
  const result = await esbuild({
    entryPoints: [join(modules, '@clinikapi/react/dist/index.js')],
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
async function areaExports(area, exported) {
  const dir = join(SRC_DIR, area);
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
function entrySource({ render = [], keep = [] }) {
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

function packageOf(id) {
  const path = id.replaceAll('\\', '/');
  const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match ? match[1] : 'app + Vite runtime';
}
const isZod = (id) => packageOf(id) === 'zod';
const isSchemaRegistry = (id) => /core\/dist\/schemas\/index\.js$/.test(id.replaceAll('\\', '/'));
const gzip = (code) => gzipSync(code, { level: 9 }).length;

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

async function viteSize(id, source, { external = true } = {}) {
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

async function esbuildSize(id, source) {
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

async function rewriteReadmes(rows, peers, css) {
  const figures = new Map([
    ['peers', peers.total],
    ['css', css],
  ]);
  for (const r of rows) {
    figures.set(`${r.id}.initial`, r.vite.initial);
    figures.set(`${r.id}.total`, r.vite.total);
    figures.set(`${r.id}.lazy`, r.vite.total - r.vite.initial);
  }
  const table = [
    '| page | loaded first | all chunks | budget |',
    '|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.title} | ${fmt(r.vite.initial)} kB | ${fmt(r.vite.total)} kB | ${r.budgetKb === undefined ? '-' : `${r.budgetKb} kB`} |`,
    ),
  ].join('\n');
  for (const file of READMES) {
    const text = await readFile(file, 'utf8');
    const next = text
      .replace(
        /^([ \t]*)(<!-- size-table:start -->\n)[\s\S]*?^([ \t]*<!-- size-table:end -->)/m,
        (_, indent, open, close) => `${indent}${open}${table.replaceAll(/^/gm, indent)}\n${close}`,
      )
      .replace(/(<!-- size:([\w+.-]+) -->)[^<]*(<!-- \/size -->)/g, (_whole, open, key, close) => {
        if (!figures.has(key))
          throw new Error(`${relative(process.cwd(), file)}: no figure ${key}`);
        return `${open}${fmt(figures.get(key))} kB${close}`;
      });
    if (next !== text) {
      await writeFile(file, next);
      console.log(`${relative(process.cwd(), file)}: size figures rewritten.`);
    }
  }
}

try {
  const exported = await packageExports();
  const areas = [];
  for (const area of [...BASE_AREAS, ...WIDGET_AREAS]) {
    areas.push({
      area,
      widget: WIDGET_AREAS.includes(area),
      names: await areaExports(area, exported),
    });
  }

  const jobs = PAGES.map((page) => ({
    ...page,
    budgetKb:
      overrides.get(page.id) ?? page.budgetKb ?? (page.area ? WIDGET_PAGE_BUDGET_KB : undefined),
    source:
      page.render === '*' ? entrySource({ keep: exported }) : entrySource({ render: page.render }),
  }));
  const rows = [];
  const pending = [];
  for (const job of jobs) {
    const missing = job.render === '*' ? [] : job.render.filter((name) => !exported.includes(name));
    if (missing.length > 0) {
      pending.push({ ...job, missing });
      continue;
    }
    const [vite, esb] = await Promise.all([
      viteSize(job.id, job.source),
      esbuildSize(job.id, job.source),
    ]);
    rows.push({ ...job, vite, esb });
  }

  // Each area's share of the whole package: everything minus everything without that area.
  const everything = await viteSize('all', entrySource({ keep: exported }));
  const shares = [];
  for (const { area, widget, names } of areas) {
    if (names.length === 0) {
      shares.push({ area, widget, missing: true });
      continue;
    }
    const without = await viteSize(
      `without-${area}`,
      entrySource({ keep: exported.filter((name) => !names.includes(name)) }),
    );
    shares.push({ area, widget, names, bytes: everything.total - without.total });
  }
  const present = shares.filter((s) => s.widget && !s.missing);
  let widgetsShare = 0;
  if (present.length > 0) {
    const widgetNames = new Set(present.flatMap((s) => s.names));
    const withoutWidgets = await viteSize(
      'without-widgets',
      entrySource({ keep: exported.filter((name) => !widgetNames.has(name)) }),
    );
    widgetsShare = everything.total - withoutWidgets.total;
  }

  const peers = await viteSize(
    'peers',
    [
      "import { createElement as h } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { QueryClient, QueryClientProvider } from '@tanstack/react-query';",
      "createRoot(document.getElementById('root')).render(h(QueryClientProvider, { client: new QueryClient() }));",
      '',
    ].join('\n'),
    { external: false },
  );
  const css = gzip(await readFile(join(modules, '@clinikapi/react/dist/styles.css')));

  // The table.
  const TITLE = Math.max(...PAGES.map((page) => page.title.length)) + 2;
  const failures = [];
  const header = [
    'page'.padEnd(TITLE),
    'initial'.padStart(8),
    'total'.padStart(7),
    'lazy'.padStart(6),
    'chunks'.padStart(7),
    'budget'.padStart(8),
    '  esbuild init/total',
    '  zod eager (vite/esb)',
  ].join('');
  const lines = [header, '-'.repeat(header.length)];
  for (const row of rows) {
    const { vite, esb } = row;
    let budget = '-';
    if (row.budgetKb !== undefined) {
      const over = kb(vite.total) - row.budgetKb;
      budget = `${over > 0 ? 'OVER' : '<='}${row.budgetKb}`;
      if (over > 0) {
        failures.push(
          `${row.title}: ${fmt(vite.total)} kB gzip, over its ${row.budgetKb} kB budget by ${over.toFixed(1)} kB ` +
            `(about: ${(await vite.byPackage()).map(([p, b]) => `${p} ${fmt(b)}`).join(', ')})`,
        );
      }
    }
    if (vite.zodEager || esb.zodEager) {
      failures.push(
        `${row.title}: zod is loaded eagerly (${[vite.zodEager && 'vite', esb.zodEager && 'esbuild'].filter(Boolean).join(', ')}), not only when a form validates`,
      );
    }
    if (vite.registry) {
      failures.push(
        `${row.title}: core's schema registry (every resource's schemas) is in the page`,
      );
    }
    lines.push(
      [
        row.title.padEnd(TITLE),
        fmt(vite.initial).padStart(8),
        fmt(vite.total).padStart(7),
        fmt(vite.total - vite.initial).padStart(6),
        String(vite.reachable.size).padStart(7),
        budget.padStart(8),
        `${fmt(esb.initial).padStart(9)} / ${fmt(esb.total).padEnd(8)}`,
        `  ${vite.zodEager ? 'YES' : 'no'} / ${esb.zodEager ? 'YES' : 'no'}`,
      ].join(''),
    );
  }
  console.log(
    'Size per page, kB gzip (level 9, sum over JS chunks), Vite production build against dist/;\n' +
      'react, react-dom and @tanstack/react-query external. initial = entry chunk + its static imports;\n' +
      'total = every chunk the page can load; lazy = total - initial (loaded on first use).\n',
  );
  for (const page of pending) {
    lines.push(
      `${page.title.padEnd(TITLE)}not yet measurable: the package does not export ${page.missing.join(', ')} yet`,
    );
  }
  console.log(lines.join('\n'));
  console.log(
    `\nNot in the figures: react + react-dom + @tanstack/react-query ${fmt(peers.total)} kB gzip ` +
      `(the app has them anyway); styles.css ${fmt(css)} kB gzip.`,
  );

  console.log(
    `\nShare of the whole package (${fmt(everything.total)} kB gzip) per area: what removing the ` +
      `area's exports saves; widget budget ${GROWTH_PER_AREA_KB} kB each.`,
  );
  for (const share of shares) {
    if (share.missing) {
      console.log(
        `  ${share.area.padEnd(14)} not yet measurable (exports nothing from src/${share.area}/ yet)`,
      );
      continue;
    }
    const over = share.widget && kb(share.bytes) > GROWTH_PER_AREA_KB;
    console.log(
      `  ${share.area.padEnd(14)} ${fmt(share.bytes).padStart(5)} kB ${share.widget ? (over ? `OVER ${GROWTH_PER_AREA_KB}` : `<= ${GROWTH_PER_AREA_KB}`) : '(before the widgets, not budgeted)'}`,
    );
    if (over) {
      failures.push(
        `${share.area}: adds ${fmt(share.bytes)} kB gzip to the package, over ${GROWTH_PER_AREA_KB} kB by ${(kb(share.bytes) - GROWTH_PER_AREA_KB).toFixed(1)} kB`,
      );
    }
  }
  if (present.length > 0) {
    const limit = GROWTH_PER_AREA_KB * present.length;
    console.log(
      `  all ${present.length} widget area(s) together: ${fmt(widgetsShare)} kB (budget ${limit} kB)`,
    );
    if (kb(widgetsShare) > limit) {
      failures.push(
        `widget areas together add ${fmt(widgetsShare)} kB gzip, over ${limit} kB by ${(kb(widgetsShare) - limit).toFixed(1)} kB`,
      );
    }
  }

  if (writeReadme) await rewriteReadmes(rows, peers, css);

  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (failures.length > 0) {
    console.error(`\nBudget check failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('Budgets hold.');
  }
} finally {
  await rm(app, { recursive: true, force: true });
}
