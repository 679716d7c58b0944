/** Every user-visible string of the components, in English. Override any of them through `messages`. */
export interface ClinikMessages {
  patientsTableLabel: string;
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
  loadPatientFailed: string;
  age: string;
  ageValue: (years: number) => string;
  contact: string;
}

export const defaultMessages: ClinikMessages = {
  patientsTableLabel: 'Patients',
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
  loadPatientFailed: 'Could not load the patient.',
  age: 'Age',
  ageValue: (years) => `${years} ${years === 1 ? 'year' : 'years'}`,
  contact: 'Contact',
};
