/** Every user-visible string of the components, in English. Override any of them through `messages`. */
export interface ClinikMessages {
  patientsTableLabel: string;
  /** Name of the table's scrolling area (focusable, so keyboards can scroll it). */
  patientsScrollLabel: string;
  searchPatientsLabel: string;
  columnName: string;
  columnBirthDate: string;
  columnGender: string;
  columnPhone: string;
  columnEmail: string;
  loadingPatients: string;
  noPatients: string;
  noPatientsMatching: (search: string) => string;
  /** Announced to screen readers when a search has results. */
  patientsFound: (total: number) => string;
  loadPatientsFailed: string;
  retry: string;
  /** Said where focus lands when Retry loaded a list that has no count text of its own. */
  loadedAgain: string;
  previousPage: string;
  nextPage: string;
  loadMore: string;
  loadingMore: string;
  pageStatus: (from: number, to: number, total: number) => string;
  genderLabels: Record<'male' | 'female' | 'other' | 'unknown', string>;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  genderUnset: string;
  email: string;
  phone: string;
  addressSection: string;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  savePatient: string;
  savingPatient: string;
  loadingPatient: string;
  fieldRequired: (label: string) => string;
  fieldInvalid: (label: string, rule: string) => string;
  formHasErrors: string;
  saveFailed: string;
  /** A top-level field the user emptied: the API's PATCH can change a value but not remove it. */
  cannotClear: (label: string) => string;
  patientSaved: string;
  nothingToSave: string;
  /**
   * Someone else saved the patient after the form loaded it; nothing was written (412).
   * `changed` lists the labels of the inputs they changed, empty when only other details did.
   */
  patientConflict: (changed: string[]) => string;
  /** The stored patient changed while the form was open (refetch or live update). */
  patientChangedElsewhere: (changed: string[]) => string;
  /** Names the list of fields changed both here and elsewhere. */
  conflictsTitle: string;
  storedNow: (value: string) => string;
  yours: (value: string) => string;
  keepStored: (label: string) => string;
  loadPatientFailed: string;
  /** 401: the user's session ended (the proxy refused them). */
  errorSignedOut: string;
  /** 403: the user's role does not allow this. */
  errorForbidden: string;
  /** 429: too many requests; `seconds` is the API's Retry-After when it gave one. */
  errorRateLimited: (seconds: number | undefined) => string;
  /** 5xx or no answer in time. */
  errorUnavailable: string;
  /** The request never reached the server. */
  errorOffline: string;
  age: string;
  ageValue: (years: number) => string;
  contact: string;
}

const changedList = (labels: string[]) =>
  labels.length > 0 ? labels.join(', ') : 'details this form does not show';

export const defaultMessages: ClinikMessages = {
  patientsTableLabel: 'Patients',
  patientsScrollLabel: 'Patient table (scrolls)',
  searchPatientsLabel: 'Search patients',
  columnName: 'Name',
  columnBirthDate: 'Date of birth',
  columnGender: 'Gender',
  columnPhone: 'Phone',
  columnEmail: 'Email',
  loadingPatients: 'Loading patients…',
  noPatients: 'No patients yet.',
  noPatientsMatching: (search) => `No patients match “${search}”.`,
  patientsFound: (total) => `${total} ${total === 1 ? 'patient' : 'patients'} found.`,
  loadPatientsFailed: 'Could not load patients.',
  retry: 'Retry',
  loadedAgain: 'Loaded.',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  pageStatus: (from, to, total) => `${from}–${to} of ${total}`,
  genderLabels: { male: 'Male', female: 'Female', other: 'Other', unknown: 'Unknown' },
  firstName: 'First name',
  lastName: 'Last name',
  birthDate: 'Date of birth',
  gender: 'Gender',
  genderUnset: 'Not specified',
  email: 'Email',
  phone: 'Phone',
  addressSection: 'Address',
  addressLine: 'Street address',
  city: 'City',
  state: 'State',
  postalCode: 'Postal code',
  country: 'Country',
  savePatient: 'Save patient',
  savingPatient: 'Saving…',
  loadingPatient: 'Loading patient…',
  fieldRequired: (label) => `${label} is required`,
  fieldInvalid: (label, rule) => `${label} ${rule}`,
  formHasErrors: 'Please correct the highlighted fields.',
  saveFailed: 'Could not save the patient. Your changes are kept; try again.',
  cannotClear: (label) => `${label} can only be changed here, not removed. Enter a value or undo.`,
  patientSaved: 'Patient saved.',
  nothingToSave: 'No changes to save.',
  patientConflict: (changed) =>
    `Someone else saved this patient while you were editing (${changedList(changed)}), so nothing was saved. Your values are kept: check them, then save again to apply yours.`,
  patientChangedElsewhere: (changed) =>
    `This patient was changed elsewhere (${changedList(changed)}). Fields you have not edited show the new values.`,
  conflictsTitle: 'Changed by someone else too',
  storedNow: (value) => `Stored now: ${value}`,
  yours: (value) => `Yours: ${value}`,
  keepStored: (label) => `Keep stored ${label.toLowerCase()}`,
  loadPatientFailed: 'Could not load the patient.',
  errorSignedOut: 'Your session has ended: sign in again.',
  errorForbidden: 'You do not have permission for this.',
  errorRateLimited: (seconds) =>
    seconds
      ? `Too many requests: try again in ${seconds} s.`
      : 'Too many requests: try again in a moment.',
  errorUnavailable: 'The service is unavailable right now: try again shortly.',
  errorOffline: 'No connection: check the network and try again.',
  age: 'Age',
  ageValue: (years) => `${years} ${years === 1 ? 'year' : 'years'}`,
  contact: 'Contact',
};
