// Benchmark: mounts PatientList with 10,000 patients in headless Chromium and prints the mount
// time and the number of table rows in the DOM. Figures only; nothing is asserted.
// Usage: node scripts/bench-list.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const dir = await mkdtemp(join(tmpdir(), 'ck-bench-'));
try {
  await build({
    entryPoints: [fileURLToPath(new URL('../bench/patientListBench.tsx', import.meta.url))],
    bundle: true,
    // A classic script: Chromium refuses module scripts from file:// URLs.
    format: 'iife',
    minify: true,
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['@clinikapi/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(dir, 'bench.js'),
    logLevel: 'error',
  });
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><body><script src="./bench.js"></script></body></html>',
  );
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await page.waitForFunction(() => 'benchResult' in window);
    const result = await page.evaluate(() => window.benchResult);
    console.log(
      `PatientList, ${result.patients} patients (Chromium, production React): ` +
        `first mount ${result.firstMountMs.toFixed(1)} ms, median of ${result.runs} mounts ` +
        `${result.medianMountMs.toFixed(1)} ms; rows in the DOM: ${result.domRows} ` +
        `(${result.domRowsAfterScroll} after scrolling to the middle, first rendered row #${result.firstRowAfterScroll})`,
    );
  } finally {
    await browser.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
