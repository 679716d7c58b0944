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
    kb: 22.4,
    reason:
      'row virtualization is @tanstack/virtual-core (9.8 kB) + react-virtual (0.9); own code 8.1, core 5.5',
  },
  'list+form': {
    kb: 36.4,
    reason:
      'the list (21.8) + the form (~5 kB) + zod/mini and the patient schemas in the lazy chunk (8.8)',
  },
  allergies: {
    kb: 36.8,
    reason:
      'zod/mini + allergy schemas and value sets lazy (12.5); list, form, form kit, coded input 23.7',
  },
  conditions: {
    kb: 34.8,
    reason:
      'zod/mini + condition schemas and value sets lazy (12.8); list, form, form kit, coded input 21.5',
  },
  vitals: {
    kb: 38,
    reason:
      'zod/mini + observation schemas lazy (9.2); three widgets (list, trend chart, form) 28.3',
  },
  medications: {
    kb: 42.1,
    reason:
      'zod/mini + prescription schemas and value sets lazy (14.2); list, form, allergy check 27.3',
  },
  immunizations: {
    kb: 37.2,
    reason: 'zod/mini + immunization schemas and value sets lazy (13.4); list and form 23.2',
  },
  'area:vitals': {
    kb: 13.1,
    reason: 'four widgets (list, trend chart, entry and edit forms) with unit conversion and flags',
  },
  'area:allergies': { kb: 7.4, reason: 'list, form and the no-known-allergies record flow' },
  'area:medications': {
    kb: 9.4,
    reason: 'list, prescription form, dose parsing and allergy check',
  },
  areas: { kb: 56.1, reason: 'vitals, allergies and medications each miss 6 kB (above)' },
};
