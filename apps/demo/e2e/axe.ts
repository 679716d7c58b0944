import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, NodeResult, Result } from 'axe-core';
import { installContrast } from './contrast.js';

const axeSource = () => {
  const require = createRequire(import.meta.url);
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
};

type AxeRun = (context: unknown, options: object) => Promise<AxeResults>;

/** Runs axe-core inside the page (the @axe-core/playwright idea, without the extra dependency). */
export default class AxeBuilder {
  constructor(private readonly page: Page) {}

  /** Violations and "needs review" (incomplete) results of every rule. */
  async analyze(): Promise<AxeResults> {
    // Evaluated over the DevTools protocol, so the page's Content-Security-Policy stays strict.
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.evaluate(axeSource());
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: AxeRun } }).axe;
      return axe.run(document, { resultTypes: ['violations', 'incomplete'] });
    });
  }
}

/**
 * What a "needs review" colour-contrast result turned out to be:
 * - `pass-computed`: our own computation from the computed styles (text colour over the
 *   ancestors' composited backgrounds, opacity included) reaches the WCAG ratio. Cheap, so it
 *   is tried first: most of axe's "needs review" nodes are text it could not see whole (outside
 *   the viewport or a scroller, partly under a sticky header), its known false positives;
 * - `pass-in-view`: our computation fails or cannot decide, but axe passes the element once it
 *   is scrolled into view and checked alone;
 * - `fail`: axe fails it in view, or our computation is below the ratio and axe still cannot
 *   decide (e.g. the 1:1 "equalRatio" of text painted in its own background colour);
 * - `undetermined`: neither could decide (a background image or gradient): a person must look,
 *   so the gate fails until the case is resolved.
 */
export type ContrastVerdict = 'pass-computed' | 'pass-in-view' | 'fail' | 'undetermined';

export interface ContrastReview {
  target: string;
  /** axe's reason for not deciding (bgOverlap, elmPartiallyObscured, equalRatio, ...). */
  reason: string;
  verdict: ContrastVerdict;
  ratio?: number;
  required?: number;
  detail?: string;
}

const reasonOf = (node: NodeResult) =>
  String(
    (node.any[0]?.data as { messageKey?: string } | undefined)?.messageKey ??
      node.any[0]?.message ??
      'unknown',
  );

/** axe's colour-contrast check of one element scrolled into view (scrollers restored after). */
function checkInView(page: Page, selector: string) {
  return page.evaluate(async (selector) => {
    const el = document.querySelector(selector);
    if (!el) return 'gone' as const;
    const scrolled: [Element | Window, number, number][] = [[window, scrollX, scrollY]];
    for (let p = el.parentElement; p; p = p.parentElement)
      if (p.scrollHeight > p.clientHeight || p.scrollWidth > p.clientWidth)
        scrolled.push([p, p.scrollLeft, p.scrollTop]);
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const axe = (window as unknown as { axe: { run: AxeRun } }).axe;
    const alone = await axe.run(
      { include: [selector] },
      { runOnly: ['color-contrast'], resultTypes: ['violations', 'passes', 'incomplete'] },
    );
    for (const [scroller, left, top] of scrolled) scroller.scrollTo(left, top);
    if (alone.violations.length) return 'fail' as const;
    return alone.passes.some((p) => p.nodes.length) ? ('pass' as const) : ('undecided' as const);
  }, selector);
}

/** Re-examines axe's incomplete colour-contrast nodes one by one (see `ContrastVerdict`). */
export async function reviewContrast(page: Page, incomplete: Result[]): Promise<ContrastReview[]> {
  const nodes = incomplete
    .filter((result) => result.id === 'color-contrast')
    .flatMap((result) => result.nodes);
  if (nodes.length === 0) return [];
  await installContrast(page);
  const reviews: ContrastReview[] = [];
  for (const node of nodes) {
    const target = node.target.join(' ');
    const computed = await page.evaluate((selector) => {
      const el = document.querySelector(selector);
      return el ? (window.__ckContrast?.text(el) ?? null) : undefined;
    }, target);
    if (computed === undefined) continue; // removed meanwhile: nothing left to review
    const review: ContrastReview = { target, reason: reasonOf(node), verdict: 'undetermined' };
    if (computed) {
      review.ratio = computed.ratio;
      review.required = computed.required;
      review.detail = `${computed.fg} on ${computed.bg}`;
    }
    const computedPasses =
      computed && !computed.undetermined && computed.ratio >= computed.required;
    if (computedPasses) review.verdict = 'pass-computed';
    else {
      const inView = await checkInView(page, target);
      if (inView === 'gone') continue;
      if (inView === 'pass') review.verdict = 'pass-in-view';
      else if (inView === 'fail' || (computed && !computed.undetermined)) review.verdict = 'fail';
    }
    reviews.push(review);
  }
  return reviews;
}

/** Reviews that fail the gate: real contrast failures and results nobody could decide. */
export const realContrastProblems = (reviews: readonly ContrastReview[]) =>
  reviews.filter((r) => r.verdict === 'fail' || r.verdict === 'undetermined');

export interface AuditResult {
  /** Serious or critical violations: rule id and targets. */
  serious: string[];
  /** Nodes of all violations, by impact. */
  violationNodes: Record<string, number>;
  /** Nodes of all violations, by rule. */
  violationRules: Record<string, number>;
  /** Every violation: impact, rule id and targets. */
  violations: string[];
  /** Incomplete colour-contrast nodes and what they turned out to be. */
  contrast: ContrastReview[];
  /** Nodes of every incomplete result, by rule. */
  incompleteNodes: Record<string, number>;
}

/** One axe run on the current page with the contrast reviews (used by the gate and the audit). */
export async function audit(page: Page): Promise<AuditResult> {
  const results = await new AxeBuilder(page).analyze();
  const violationNodes: Record<string, number> = {};
  const violationRules: Record<string, number> = {};
  for (const v of results.violations) {
    const impact = v.impact ?? 'unknown';
    violationNodes[impact] = (violationNodes[impact] ?? 0) + v.nodes.length;
    violationRules[v.id] = v.nodes.length;
  }
  const incompleteNodes: Record<string, number> = {};
  for (const r of results.incomplete) incompleteNodes[r.id] = r.nodes.length;
  return {
    serious: results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    violationNodes,
    violationRules,
    violations: results.violations.map(
      (v) => `${v.impact}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
    contrast: await reviewContrast(page, results.incomplete),
    incompleteNodes,
  };
}
