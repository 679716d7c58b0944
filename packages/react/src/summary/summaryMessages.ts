/** Every string of `PatientSummary`, in English. Override any of them through `messages`. */
export interface SummaryMessages {
  summaryLabel: (name: string | undefined) => string;
  sectionTitles: Record<SummarySection, string>;
  /** Link text to a section's full widget, e.g. "All allergies". */
  openSection: Record<SummarySection, string>;
  loading: string;
  loadFailed: string;
  retry: string;
  noActiveProblems: string;
  returnedProblem: string;
  noKnownAllergies: string;
  allergiesNotRecorded: string;
  noActiveAllergies: (inactive: number) => string;
  allergiesContradicted: string;
  highCriticality: string;
  noActiveMedications: string;
  onHold: string;
  noVitals: string;
  noImmunizations: string;
  notGiven: string;
  noUpcomingAppointments: string;
  /** "and 3 more" after the first rows of a long section. */
  more: (count: number) => string;
}

/** The sections of the summary, in their default order. */
export const SUMMARY_SECTIONS = [
  'demographics',
  'problems',
  'allergies',
  'medications',
  'vitals',
  'immunizations',
  'appointments',
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

export const defaultSummaryMessages: SummaryMessages = {
  summaryLabel: (name) => (name ? `Chart summary: ${name}` : 'Chart summary'),
  sectionTitles: {
    demographics: 'Patient',
    problems: 'Active problems',
    allergies: 'Allergies',
    medications: 'Active medications',
    vitals: 'Latest vitals',
    immunizations: 'Immunizations given',
    appointments: 'Upcoming appointments',
  },
  openSection: {
    demographics: 'Patient details',
    problems: 'Problem list',
    allergies: 'All allergies',
    medications: 'All medications',
    vitals: 'All vitals',
    immunizations: 'Immunization history',
    appointments: 'All appointments',
  },
  loading: 'Loading…',
  loadFailed: 'Could not load this section.',
  retry: 'Retry',
  noActiveProblems: 'No active problems recorded.',
  returnedProblem: 'recurrence or relapse',
  noKnownAllergies: 'No known allergies (recorded).',
  allergiesNotRecorded: 'Allergies not recorded.',
  noActiveAllergies: (inactive) =>
    `No active allergies (${inactive} inactive or resolved on file).`,
  allergiesContradicted:
    '“No known allergies” is on file although allergies are recorded: check the allergy list.',
  highCriticality: 'high criticality',
  noActiveMedications: 'No active medications.',
  onHold: 'on hold',
  noVitals: 'No vitals recorded.',
  noImmunizations: 'No immunizations recorded.',
  notGiven: 'not given',
  noUpcomingAppointments: 'No upcoming appointments.',
  more: (count) => `and ${count} more`,
};

export function summaryMessages(overrides?: Partial<SummaryMessages>): SummaryMessages {
  return overrides ? { ...defaultSummaryMessages, ...overrides } : defaultSummaryMessages;
}
