// Gzip size of pages that use the vitals widgets, bundled as an app bundles them: a Vite
// (Rollup) production build of a one-file app per page, code splitting on, every emitted JS chunk
// counted (what the page loads at once, and what it can load later: the forms' validation).
// Built from the package's sources (`@clinikapi/source`); react, react-dom and
// @tanstack/react-query external (the app has them anyway). Each page is
// `createRoot(...).render(<ClinikProvider><Widget patientId="p1" /></ClinikProvider>)`; the
// "provider only" page is the floor every page pays, so a widget's own share is the difference.
// Usage: node packages/react/src/vitals/bench/size.mjs
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';

const INDEX = fileURLToPath(new URL('../../index.ts', import.meta.url));
const PEERS = ['react', 'react-dom', '@tanstack/react-query'];
const PAGES = [
  { id: 'provider only', widgets: [] },
  { id: 'VitalsForm', widgets: ['VitalsForm'] },
  { id: 'VitalEditForm', widgets: ['VitalEditForm'] },
  { id: 'VitalsList', widgets: ['VitalsList'] },
  { id: 'VitalsTrend', widgets: ['VitalsTrend'] },
  {
    id: 'VitalsList + VitalsTrend + VitalsForm',
    widgets: ['VitalsList', 'VitalsTrend', 'VitalsForm'],
  },
  {
    id: 'all four vitals widgets',
    widgets: ['VitalsList', 'VitalsTrend', 'VitalsForm', 'VitalEditForm'],
  },
  { id: 'PatientList + PatientForm (comparison)', widgets: ['PatientList', 'PatientForm'] },
];

const dir = await mkdtemp(join(tmpdir(), 'vitals-size-'));
const gz = (code) => gzipSync(code, { level: 9 }).length / 1024;
const rows = [];
try {
  for (const [index, page] of PAGES.entries()) {
    const entry = join(dir, `page${index}.jsx`);
    await writeFile(
      entry,
      `import { createRoot } from 'react-dom/client';
import { ClinikProvider${page.widgets.map((w) => `, ${w}`).join('')} } from ${JSON.stringify(INDEX)};
createRoot(document.getElementById('root')).render(
  <ClinikProvider>${page.widgets.map((w) => `<${w} patientId="p1" />`).join('')}</ClinikProvider>,
);
`,
    );
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      resolve: { conditions: ['@clinikapi/source', ...defaultClientConditions] },
      define: { 'process.env.NODE_ENV': '"production"' },
      esbuild: { jsx: 'automatic' },
      build: {
        write: false,
        minify: true,
        target: 'es2022',
        modulePreload: false,
        rollupOptions: {
          input: entry,
          external: (id) => PEERS.some((p) => id === p || id.startsWith(`${p}/`)),
        },
      },
    });
    const output = (Array.isArray(result) ? result[0] : result).output.filter(
      (o) => o.type === 'chunk',
    );
    const byName = new Map(output.map((c) => [c.fileName, c]));
    const eager = new Set();
    const visit = (chunk) => {
      if (!chunk || eager.has(chunk.fileName)) return;
      eager.add(chunk.fileName);
      for (const name of chunk.imports) visit(byName.get(name));
    };
    visit(output.find((c) => c.isEntry));
    let all = 0;
    let eagerKb = 0;
    const areas = new Set();
    for (const chunk of output) {
      const kb = gz(chunk.code);
      all += kb;
      if (eager.has(chunk.fileName)) eagerKb += kb;
      for (const id of Object.keys(chunk.modules)) {
        const area = /packages\/react\/src\/([^/]+)\//.exec(id)?.[1];
        if (area) areas.add(area);
      }
    }
    rows.push({
      page: page.id,
      eager: eagerKb,
      all,
      chunks: output.length,
      areas: [...areas].sort(),
    });
    if (process.env.SIZE_DEBUG === page.id) {
      for (const chunk of output) {
        const mods = Object.entries(chunk.modules)
          .sort((a, b) => b[1].renderedLength - a[1].renderedLength)
          .slice(0, 25)
          .map(
            ([id, m]) =>
              `${id
                .split('node_modules/')
                .pop()
                .replace(/.*packages\//, '')} ${m.renderedLength}`,
          );
        console.log(
          chunk.fileName,
          eager.has(chunk.fileName) ? 'eager' : 'lazy',
          chunk.code.length,
          `\n  ${mods.join('\n  ')}`,
        );
      }
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
const floor = rows[0]?.all ?? 0;
console.log(
  'page | gzip kB loaded at once | gzip kB all chunks | chunks | all − provider | src/ areas in the bundle',
);
for (const r of rows) {
  console.log(
    `${r.page} | ${r.eager.toFixed(1)} | ${r.all.toFixed(1)} | ${r.chunks} | ${(r.all - floor).toFixed(1)} | ${r.areas.join(', ')}`,
  );
}
