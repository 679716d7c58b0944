import type { ImmunizationStatus } from '@clinikapi/core';

/**
 * Every user-visible string of the immunization components (`ImmunizationList`,
 * `ImmunizationForm`), in English. Override any through the components' `messages`.
 */
export interface ImmunizationMessages {
  immunizations: string;
  vaccine: string;
  date: string;
  dose: string;
  lotNumber: string;
  siteAndRoute: string;
  status: string;
  actions: string;
  loadingImmunizations: string;
  noImmunizations: string;
  noPatient: string;
  loadImmunizationsFailed: string;
  retry: string;
  immunizationsCount: (n: number) => string;
  statusLabels: Record<ImmunizationStatus, string>;
  reasonShown: (reason: string) => string;
  doseShown: (dose: number, of?: number) => string;
  edit: string;
  editLabel: (vaccine: string, date: string) => string;

  occurrence: string;
  timesInZone: (zone: string) => string;
  site: string;
  route: string;
  doseNumber: string;
  performer: string;
  notRecorded: string;
  loadingOptions: string;
  statusReason: string;
  chooseReason: string;
  otherReason: string;
  statusReasonText: string;
  note: string;
  saveImmunization: string;
  saving: string;
  immunizationSaved: string;
  loadingImmunization: string;
  loadImmunizationFailed: string;
  wrongPatient: string;
  immunizationConflict: (changed: string[]) => string;
  immunizationChangedElsewhere: (changed: string[]) => string;
  conflictsTitle: string;
  storedNow: (value: string) => string;
  yours: (value: string) => string;
  keepStored: (label: string) => string;
  fieldRequired: (label: string) => string;
  fieldInvalid: (label: string, rule: string) => string;
  formHasErrors: string;
  saveFailed: string;
  nothingToSave: string;
  cannotClear: (label: string) => string;
  notInFuture: string;
  reasonNeeded: string;
  doseNumberRange: string;
  /** The stored reason cannot be removed through the API when a dose not given is marked given. */
  reasonStays: string;
}

const changedList = (labels: string[]) =>
  labels.length > 0 ? labels.join(', ') : 'details this form does not show';

export const defaultImmunizationMessages: ImmunizationMessages = {
  immunizations: 'Immunizations',
  vaccine: 'Vaccine',
  date: 'Date',
  dose: 'Dose',
  lotNumber: 'Lot number',
  siteAndRoute: 'Site and route',
  status: 'Status',
  actions: 'Actions',
  loadingImmunizations: 'Loading immunizations…',
  noImmunizations: 'No immunizations recorded.',
  noPatient: 'Choose a patient to see their immunizations.',
  loadImmunizationsFailed: 'Could not load the immunizations.',
  retry: 'Retry',
  immunizationsCount: (n) => `${n} ${n === 1 ? 'immunization' : 'immunizations'}.`,
  statusLabels: {
    completed: 'Given',
    'not-done': 'Not given',
    'entered-in-error': 'Entered in error',
  },
  reasonShown: (reason) => `Reason: ${reason}`,
  doseShown: (dose, of) => (of ? `Dose ${dose} of ${of}` : `Dose ${dose}`),
  edit: 'Edit',
  editLabel: (vaccine, date) => `Edit ${vaccine}, ${date}`,

  occurrence: 'Date and time',
  timesInZone: (zone) => `Time in ${zone}`,
  site: 'Site',
  route: 'Route',
  doseNumber: 'Dose number',
  performer: 'Given by',
  notRecorded: 'Not recorded',
  loadingOptions: 'Loading options…',
  statusReason: 'Reason not given',
  chooseReason: 'Choose a reason',
  otherReason: 'Other (describe)',
  statusReasonText: 'Describe the reason',
  note: 'Note',
  saveImmunization: 'Save immunization',
  saving: 'Saving…',
  immunizationSaved: 'Immunization saved.',
  loadingImmunization: 'Loading immunization…',
  loadImmunizationFailed: 'Could not load the immunization.',
  wrongPatient:
    'This immunization belongs to another patient than the one shown, so it cannot be edited here.',
  immunizationConflict: (changed) =>
    `Someone else saved this immunization while you were editing (${changedList(changed)}), so nothing was saved. Your values are kept: check them, then save again to apply yours.`,
  immunizationChangedElsewhere: (changed) =>
    `This immunization was changed elsewhere (${changedList(changed)}). Fields you have not edited show the new values.`,
  conflictsTitle: 'Changed by someone else too',
  storedNow: (value) => `Stored now: ${value}`,
  yours: (value) => `Yours: ${value}`,
  keepStored: (label) => `Keep stored ${label.toLowerCase()}`,
  fieldRequired: (label) => `${label} is required`,
  fieldInvalid: (label, rule) => `${label} ${rule}`,
  formHasErrors: 'Please correct the highlighted fields.',
  saveFailed: 'Could not save the immunization. Your entries are kept; try again.',
  nothingToSave: 'No changes to save.',
  cannotClear: (label) => `${label} can only be changed here, not removed. Enter a value or undo.`,
  notInFuture: 'Date and time cannot be in the future',
  reasonNeeded: 'Give the reason it was not given',
  doseNumberRange: 'Dose number must be a whole number from 1 to 100',
  reasonStays:
    'The stored reason it was not given cannot be removed here. Keep “Not given”, or record the dose given as a new immunization.',
};

/** The defaults with per-component overrides applied. */
export function immunizationMessages(
  overrides?: Partial<ImmunizationMessages>,
): ImmunizationMessages {
  return overrides ? { ...defaultImmunizationMessages, ...overrides } : defaultImmunizationMessages;
}
