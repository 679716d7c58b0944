// Size budgets of the benchmark (`pnpm --filter @clinikapi/react run size`, part of `npm test`),
// gzip kB over every JS chunk a page can load, react/react-dom/@tanstack/react-query external.
//
// TARGETS are issue 14's budgets. A page (or area share) that meets its target is held to it. One
// that misses it is held to its CEILINGS entry instead: the figure measured when the miss was
// recorded, rounded up to 0.1 kB, plus 0.5 kB (check.mjs ceilingFor), so the check passes today
// and fails on any growth. A miss without a ceiling fails, and so does a ceiling without a reason.
// Lower a ceiling (or delete it once the target holds: the benchmark says when) whenever a change
// makes the page lighter.

/** Issue 14's budgets: pages by id (bench/size/pages.mjs), widget pages, growth per widget area. */
export const TARGETS = {
  pages: { list: 15, 'list+form': 25, booking: 25 },
  widgetPage: 25,
  growthPerArea: 6,
};

/**
 * Regression ceilings for targets that are missed, with a one-line reason each. Keys: a page id,
 * `area:<folder>` for one widget area's share of the package, `areas` for all widget areas together.
 */
export const CEILINGS = {
  list: {
    kb: 21.3,
    reason:
      '@tanstack/virtual-core + react-virtual 10.7 kept: windowing is generic UI, a well-kept library over our own',
  },
  'list+form': {
    kb: 35,
    reason:
      'virtualizer 10.7 (see list) + lazy 8.4 (zod/mini + patient schemas) on 16 kB of list and form',
  },
  allergies: {
    kb: 34.8,
    reason:
      'lazy 11.7 (zod/mini + allergy schemas, value sets); list, form, form kit, coded input 22.6',
  },
  conditions: {
    kb: 32.9,
    reason:
      'lazy 12.0 (zod/mini + condition schemas, value sets); list, form, form kit, coded input 20.4',
  },
  vitals: {
    kb: 36.2,
    reason: 'lazy 8.2 (zod/mini + observation schemas); list, trend chart, form and messages 27.5',
  },
  medications: {
    kb: 39.7,
    reason:
      'lazy 13.0 (zod/mini + prescription schemas, value sets); list, form, allergy check 26.2',
  },
  immunizations: {
    kb: 35.3,
    reason:
      'lazy 12.6 (zod/mini + immunization schemas, value sets); list, form, @date-fns/tz 22.1',
  },
  'area:vitals': {
    kb: 14.3,
    reason:
      'list, trend chart, entry form, edit form with the BMI update/withdraw offers (+1.2 kB)',
  },
  'area:allergies': { kb: 7.3, reason: 'list, form and the no-known-allergies record flow' },
  'area:medications': {
    kb: 9.5,
    reason: 'list, prescription form, dose parsing and allergy check',
  },
  areas: { kb: 57.6, reason: 'vitals, allergies and medications each miss 6 kB (above)' },
};
