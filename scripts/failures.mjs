// The failed tests of a run, read from the JSON reports of vitest and Playwright, so that the
// summary CI shows (the tail of the log) says which tests failed and the first line of why.
import { existsSync, readFileSync } from 'node:fs';

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);

/**
 * @param {{ vitest: string, playwright: string[], root: string }} reports paths of the reports
 * @returns {Array<{ where: string, name: string, why: string }>} one entry per failed test (or
 *   per test file that failed without a failed test, e.g. an import error)
 */
export function listFailures({ vitest, playwright, root }) {
  const failures = [];
  const report = readJson(vitest);
  for (const file of report?.testResults ?? []) {
    const where = file.name.replace(`${root}/`, '');
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failed) failures.push({ where, name: t.fullName, why: t.failureMessages?.[0] });
    if (file.status === 'failed' && failed.length === 0) {
      failures.push({ where, name: '(the file)', why: file.message });
    }
  }
  for (const path of playwright) {
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status !== 'unexpected') continue;
          const why = test.results?.at(-1)?.error?.message;
          failures.push({ where: spec.file ?? suite.file, name: spec.title, why });
        }
      }
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of readJson(path)?.suites ?? []) walk(suite);
  }
  return failures;
}

const firstLine = (text) =>
  (
    String(text ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      // Storybook's tests open with a link to the story, not the error.
      .find((line) => line.trim() !== '' && !line.startsWith('Click to debug the error')) ?? ''
  )
    .trim()
    .slice(0, 200);

/** At most `max` failures, two short lines each. */
export function failureLines(failures, max = 12) {
  const lines = [];
  for (const { where, name, why } of failures.slice(0, max)) {
    lines.push(`failed: ${where} > ${String(name).slice(0, 160)}`, `        ${firstLine(why)}`);
  }
  if (failures.length > max) lines.push(`failed: and ${failures.length - max} more`);
  return lines;
}

/** The tests that passed only on a retry (written by flaky-reporter.mjs), two short lines each. */
export function flakyLines(path, root, max = 12) {
  const flaky = readJson(path) ?? [];
  const lines = [];
  for (const { where, name, why } of flaky.slice(0, max)) {
    lines.push(
      `flaky (passed on retry): ${where.replace(`${root}/`, '')} > ${String(name).slice(0, 140)}`,
      `        ${firstLine(why)}`,
    );
  }
  if (flaky.length > max) lines.push(`flaky: and ${flaky.length - max} more`);
  return lines;
}
