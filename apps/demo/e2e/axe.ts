import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

const axeSource = () => {
  const require = createRequire(import.meta.url);
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
};

/** Runs axe-core inside the page (the @axe-core/playwright idea, without the extra dependency). */
export default class AxeBuilder {
  constructor(private readonly page: Page) {}

  async analyze(): Promise<AxeResults> {
    // Evaluated over the DevTools protocol, so the page's Content-Security-Policy stays strict.
    await this.page.evaluate(axeSource());
    return this.page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }
      ).axe;
      return axe.run(document, { resultTypes: ['violations'] });
    });
  }
}
