// Pages of the size benchmark (`pnpm --filter @clinikapi/react run size`, part of `npm test`).
//
// A page is what one app screen imports from `@clinikapi/react`: the benchmark writes a small app
// for it (`createRoot(...).render(<ClinikProvider><Each of `render` /></ClinikProvider>)`), builds it
// with Vite for production against the built packages, and adds up the gzip size of every emitted
// JS chunk. react, react-dom and @tanstack/react-query are external (the app has them anyway); they
// are measured once on their own and printed under the table.
//
// Adding a page is one line (a page whose components the package does not export yet is listed as
// not yet measurable). Targets and regression ceilings live in budgets.mjs: a page's target is
// TARGETS.pages[id], or TARGETS.widgetPage when it names a widget `area` (a folder under src/).

/** Chart widget areas (folders under src/): each one's share of the package is budgeted. */
export const WIDGET_AREAS = [
  'vitals',
  'allergies',
  'conditions',
  'medications',
  'immunizations',
  'coded',
  'summary',
];

/** Areas the package had before the chart widgets; their share is printed, not budgeted. */
export const BASE_AREAS = ['patients', 'appointments'];

export const PAGES = [
  { id: 'list', title: 'list only (PatientList)', render: ['PatientList'] },
  { id: 'list+form', title: 'list + patient form', render: ['PatientList', 'PatientForm'] },
  { id: 'booking', title: 'booking form (AppointmentForm)', render: ['AppointmentForm'] },
  // Chart widget pages: the list and the entry form of one area, as the demo's chart shows them.
  {
    id: 'allergies',
    title: 'allergies (list + form)',
    render: ['AllergyList', 'AllergyForm'],
    area: 'allergies',
  },
  {
    id: 'conditions',
    title: 'problems (list + condition form)',
    render: ['ConditionList', 'ConditionForm'],
    area: 'conditions',
  },
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
  {
    id: 'immunizations',
    title: 'immunizations (list + form)',
    render: ['ImmunizationList', 'ImmunizationForm'],
    area: 'immunizations',
  },
  { id: 'summary', title: 'summary (PatientSummary)', render: ['PatientSummary'], area: 'summary' },
  { id: 'coded', title: 'coded value (CodeInput)', render: ['CodeInput'], area: 'coded' },
  { id: 'everything', title: 'everything (every export)', render: '*' },
];
