// Pages of the size benchmark (`pnpm --filter @clinikapi/react run size`, part of `npm test`).
//
// A page is what one app screen imports from `@clinikapi/react`: the benchmark writes a small app
// for it (`createRoot(...).render(<ClinikProvider><Each of `render` /></ClinikProvider>)`), builds it
// with Vite for production against the built packages, and adds up the gzip size of every emitted
// JS chunk. react, react-dom and @tanstack/react-query are external (the app has them anyway); they
// are measured once on their own and printed under the table.
//
// Adding a page is one line (a page whose components the package does not export yet is listed as
// not yet measurable, and measured from the first build that exports them). `budgetKb` is the gzip limit for all of the page's chunks (what it
// loads eagerly plus everything it can load later); a page without `budgetKb` is measured only.
// `area` names a widget area (a folder under src/): its page is checked against the widget budget,
// and its share of the whole package against GROWTH_PER_AREA_KB.

/** Budget of any single chart widget page, gzip kB, all chunks. */
export const WIDGET_PAGE_BUDGET_KB = 25;

/** How much the whole package may grow per widget area, gzip kB, all chunks. */
export const GROWTH_PER_AREA_KB = 6;

/**
 * Chart widget areas (folders under src/). An area counts once its components are exported from
 * the package; until then the benchmark reports it as not yet measurable.
 */
export const WIDGET_AREAS = [
  'vitals',
  'allergies',
  'conditions',
  'medications',
  'immunizations',
  'coded',
];

/** Areas the package had before the chart widgets; their share is printed, not budgeted. */
export const BASE_AREAS = ['patients', 'appointments'];

export const PAGES = [
  { id: 'list', title: 'list only (PatientList)', render: ['PatientList'], budgetKb: 15 },
  {
    id: 'list+form',
    title: 'list + patient form',
    render: ['PatientList', 'PatientForm'],
    budgetKb: 25,
  },
  {
    id: 'booking',
    title: 'booking form (AppointmentForm)',
    render: ['AppointmentForm'],
    budgetKb: 25,
  },
  // Chart widget pages (budget WIDGET_PAGE_BUDGET_KB), one line each as their areas land:
  { id: 'coded', title: 'coded value (CodeInput)', render: ['CodeInput'], area: 'coded' },
  {
    id: 'vitals',
    title: 'vitals (list + trend + entry form)',
    render: ['VitalsList', 'VitalsTrend', 'VitalsForm'],
    area: 'vitals',
  },
  {
    id: 'medications',
    title: 'medications (list + prescription form)',
    render: ['MedicationList', 'PrescriptionForm'],
    area: 'medications',
  },
  { id: 'everything', title: 'everything (every export)', render: '*' },
];
