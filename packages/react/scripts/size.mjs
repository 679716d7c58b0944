// Size benchmark and bundle budgets: builds a small consumer app per page of bench/size/pages.mjs
// with Vite (production build, as an installed app resolves the packages: their `exports` and
// `dist/`, not the `@clinikapi/source` condition) and prints, per page, the gzip size (level 9) of
// the JS it loads eagerly (the entry chunk and its static imports) and of every chunk it can load
// (total), with an esbuild build of the same page (code splitting on) as a cross-check, then each
// area's share of the whole package. react, react-dom and @tanstack/react-query are external
// (measured once, printed under the table).
//
// Fails (exit 1) when a figure misses its target (bench/size/budgets.mjs) and has no regression
// ceiling or grew past it, when zod reaches a page's eager chunks in either bundler, or when core's
// schema registry lands in a page. Run the packages' build first (npm test does).
//
// Usage: node scripts/size.mjs [--budget <page id>=<kB>]... [--write-readme] [--dist <dir>]
//   --budget list=5     overrides a page's target (e.g. to see the check fail)
//   --write-readme      rewrites the size figures in the READMEs (see READMES below)
//   --dist <dir>        measures other builds: <dir>/core/dist and <dir>/react/dist (e.g. built from
//                       an older commit), with this checkout's package.json files and dependencies
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  areaExports,
  createApp,
  entrySource,
  mapLimit,
  packageExports,
} from '../bench/size/app.mjs';
import { TARGETS } from '../bench/size/budgets.mjs';
import { describeBudgets, judge, pageTarget } from '../bench/size/check.mjs';
import { esbuildSize, gzip, viteSize } from '../bench/size/measure.mjs';
import { BASE_AREAS, PAGES, WIDGET_AREAS } from '../bench/size/pages.mjs';
import { rewriteReadmes } from '../bench/size/readme.mjs';

const started = performance.now();
const REACT_DIR = fileURLToPath(new URL('..', import.meta.url));
const CORE_DIR = fileURLToPath(new URL('../../core', import.meta.url));
const READMES = [
  join(REACT_DIR, 'README.md'),
  join(CORE_DIR, 'README.md'),
  join(REACT_DIR, '../../README.md'),
];
// Builds at a time: the figures do not depend on it (each build is its own), the run time does.
const PARALLEL = 2;
const kb = (bytes) => bytes / 1024;
const fmt = (bytes) => kb(bytes).toFixed(1);

const overrides = {};
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--budget') {
    const [id, value] = process.argv[++i].split('=');
    overrides[id] = Number(value);
  }
}
const targets = { ...TARGETS, pages: { ...TARGETS.pages, ...overrides } };
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

const app = await createApp([
  { dir: REACT_DIR, dist: distOf(REACT_DIR, 'react') },
  { dir: CORE_DIR, dist: distOf(CORE_DIR, 'core') },
]);
const failures = [];
const notes = [];
const judged = (key, label, bytes, target) => {
  const verdict = judge(key, label, kb(bytes), target);
  if (verdict.failure) failures.push(verdict.failure);
  if (verdict.note) notes.push(verdict.note);
  return verdict.status;
};

try {
  const exported = await packageExports(app);
  const everythingSource = entrySource({ keep: exported });

  // Pages: Vite (the measure) and esbuild (cross-check) side by side.
  const rows = [];
  const pending = [];
  const measured = await mapLimit(PAGES, PARALLEL, async (page) => {
    const everything = page.render === '*';
    const missing = everything ? [] : page.render.filter((name) => !exported.includes(name));
    if (missing.length > 0) return { ...page, missing };
    const source = everything ? everythingSource : entrySource({ render: page.render });
    const [vite, esb] = await Promise.all([
      viteSize(app, page.id, source),
      esbuildSize(app, page.id, source),
    ]);
    return { ...page, target: pageTarget(page, targets), vite, esb };
  });
  for (const page of measured) (page.missing ? pending : rows).push(page);

  // Each area's share of the whole package: everything minus everything without that area.
  const all =
    rows.find((row) => row.render === '*')?.vite ?? (await viteSize(app, 'all', everythingSource));
  const areas = [...BASE_AREAS, ...WIDGET_AREAS];
  const shares = await mapLimit(areas, PARALLEL, async (area) => {
    const widget = WIDGET_AREAS.includes(area);
    const names = await areaExports(app, SRC_DIR, area, exported);
    if (names.length === 0) return { area, widget, missing: true };
    const keep = exported.filter((name) => !names.includes(name));
    const without = await viteSize(app, `without-${area}`, entrySource({ keep }));
    return { area, widget, names, bytes: all.total - without.total };
  });
  const present = shares.filter((s) => s.widget && !s.missing);
  const widgetNames = new Set(present.flatMap((s) => s.names));
  const keep = exported.filter((name) => !widgetNames.has(name));
  const withoutWidgets = await viteSize(app, 'without-widgets', entrySource({ keep }));
  const widgetsShare = all.total - withoutWidgets.total;

  const peers = await viteSize(
    app,
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
  const css = gzip(await readFile(join(app, 'node_modules/@clinikapi/react/dist/styles.css')));

  // The pages table.
  const TITLE = Math.max(...PAGES.map((page) => page.title.length)) + 2;
  const header = [
    'page'.padEnd(TITLE),
    'initial'.padStart(8),
    'total'.padStart(7),
    'lazy'.padStart(6),
    'chunks'.padStart(7),
    '  budget status'.padEnd(17),
    'esbuild init/total',
    '  zod eager (vite/esb)',
  ].join('');
  const lines = [header, '-'.repeat(header.length)];
  for (const row of rows) {
    const { vite, esb } = row;
    row.status = judged(row.id, row.title, vite.total, row.target);
    if (vite.zodEager || esb.zodEager) {
      const where = [vite.zodEager && 'vite', esb.zodEager && 'esbuild'].filter(Boolean);
      failures.push(`${row.title}: zod is loaded eagerly (${where.join(', ')}), not on validation`);
    }
    if (vite.registry) {
      failures.push(
        `${row.title}: core's schema registry (every resource's schemas) is in the page`,
      );
    }
    if (row.status.startsWith('OVER')) {
      const parts = await vite.byPackage();
      notes.push(`${row.title} by package: ${parts.map(([p, b]) => `${p} ${fmt(b)}`).join(', ')}`);
    }
    lines.push(
      [
        row.title.padEnd(TITLE),
        fmt(vite.initial).padStart(8),
        fmt(vite.total).padStart(7),
        fmt(vite.total - vite.initial).padStart(6),
        String(vite.reachable.size).padStart(7),
        `  ${row.status}`.padEnd(17),
        `${fmt(esb.initial).padStart(7)} / ${fmt(esb.total).padEnd(8)}`,
        `  ${vite.zodEager ? 'YES' : 'no'} / ${esb.zodEager ? 'YES' : 'no'}`,
      ].join(''),
    );
  }
  for (const page of pending) {
    lines.push(
      `${page.title.padEnd(TITLE)}not yet measurable: no export ${page.missing.join(', ')}`,
    );
  }
  console.log(`${describeBudgets(targets)}\n`);
  console.log(
    'Size per page, kB gzip (level 9, sum over JS chunks), Vite production build against dist/;\n' +
      'react, react-dom and @tanstack/react-query external. initial = entry chunk + its static imports;\n' +
      'total = every chunk the page can load (what budgets count); lazy = total - initial.\n',
  );
  console.log(lines.join('\n'));
  console.log(
    `\nNot in the figures: react + react-dom + @tanstack/react-query ${fmt(peers.total)} kB gzip ` +
      `(the app has them anyway); styles.css ${fmt(css)} kB gzip.`,
  );

  // Growth per area.
  console.log(
    `\nShare of the whole package (${fmt(all.total)} kB gzip, all chunks) per area: what removing ` +
      `the area's exports saves.`,
  );
  for (const share of shares) {
    const label = `  ${share.area.padEnd(14)}`;
    if (share.missing) {
      console.log(`${label}not yet measurable (exports nothing from src/${share.area}/ yet)`);
      continue;
    }
    const status = share.widget
      ? judged(`area:${share.area}`, `${share.area} area`, share.bytes, targets.growthPerArea)
      : 'before the widgets, not budgeted';
    console.log(`${label}${fmt(share.bytes).padStart(5)} kB  ${status}`);
  }
  const limit = targets.growthPerArea * present.length;
  const status = judged('areas', `all ${present.length} widget areas`, widgetsShare, limit);
  console.log(`  all ${present.length} widget areas together: ${fmt(widgetsShare)} kB  ${status}`);

  if (writeReadme) {
    await rewriteReadmes(READMES, { rows, shares, widgetsShare, peers, css });
  }

  // Same lockfile and sources give the same bytes on any machine: compare this line between runs.
  const exact = [...rows.map((r) => [r.id, r.vite.initial, r.vite.total]), ...shares];
  const digest = createHash('sha256').update(JSON.stringify(exact)).digest('hex').slice(0, 16);
  console.log(`\nfigures digest ${digest} (exact bytes of every page and area)`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (notes.length > 0) console.log(`\nNotes:\n${notes.map((n) => `  - ${n}`).join('\n')}`);
  if (failures.length > 0) {
    console.error(`\nBudget check failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('\nBudget check passed (targets where met, regression ceilings where missed).');
  }
} finally {
  await rm(app, { recursive: true, force: true });
}
