export { PatientSummary, type PatientSummaryProps } from './PatientSummary.js';
export {
  defaultSummaryMessages,
  SUMMARY_SECTIONS,
  type SummaryMessages,
  type SummarySection,
  summaryMessages,
} from './summaryMessages.js';
export { type ChartSummary, type SectionState, useChartSummary } from './useChartSummary.js';
