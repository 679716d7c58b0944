import type { PrescriptionStatus, TimeUnit } from '@clinikapi/core';

/** How often, as FHIR `Timing.repeat` holds it: `frequency` per `period` `periodUnit`. */
export interface TimingWords {
  frequency: number;
  period: number;
  periodUnit: TimeUnit;
}

/** One allergy that matches the medication being prescribed, as the warning describes it. */
export interface AllergyWarningWords {
  /** The allergy's substance, e.g. "Amoxicillin". */
  substance: string;
  /** The medication, e.g. "amoxicillin 500 MG Oral Capsule". */
  medication: string;
  criticality?: 'low' | 'high' | 'unable-to-assess' | undefined;
  /** Manifestations of recorded reactions, e.g. ["Hives"]. */
  reactions: string[];
  /** Not yet confirmed (`verificationStatus: unconfirmed`) or with no clinical status recorded. */
  unconfirmed: boolean;
}

/**
 * Every user-visible string of the medication components (`MedicationList`, `PrescriptionForm`,
 * `PrescriptionStatusPanel`), in English. Override any through the components' `messages`.
 */
export interface MedicationMessages {
  medications: string;
  current: string;
  past: string;
  medication: string;
  dosage: string;
  status: string;
  written: string;
  actions: string;
  loadingMedications: string;
  noMedications: string;
  noPatient: string;
  loadMedicationsFailed: string;
  retry: string;
  /** Said politely once the list has loaded. */
  medicationsCount: (n: number) => string;
  statusLabels: Record<PrescriptionStatus, string>;
  reasonShown: (reason: string) => string;
  edit: string;
  editLabel: (medication: string) => string;
  stop: string;
  hold: string;
  resume: string;
  actionLabel: (action: string, medication: string) => string;

  stopTitle: (medication: string) => string;
  holdTitle: (medication: string) => string;
  resumeTitle: (medication: string) => string;
  reason: string;
  chooseReason: string;
  otherReason: string;
  otherReasonText: string;
  confirmStop: string;
  confirmHold: string;
  confirmResume: string;
  keepAsIs: string;
  close: string;
  reasonRequired: string;
  /** The prescription changed after the panel opened; nothing was changed. */
  statusChangedMeanwhile: (now: string) => string;
  /** It changed meanwhile into a status this action no longer applies to. */
  statusNoLongerApplies: (now: string) => string;
  statusChangeFailed: string;
  statusChanged: (status: string) => string;
  applyAnyway: string;

  dose: string;
  doseUnit: string;
  route: string;
  howOften: string;
  frequency: string;
  period: string;
  periodUnit: string;
  duration: string;
  durationValue: string;
  durationUnit: string;
  asNeeded: string;
  dosageInstruction: string;
  quantity: string;
  quantityUnit: string;
  refills: string;
  substitution: string;
  substitutionLabels: Record<'' | 'allowed' | 'not-allowed', string>;
  note: string;
  initialStatus: string;
  notChosen: string;
  loadingOptions: string;
  unitsOfTime: Record<TimeUnit, { one: string; other: string }>;
  /** "3 times a day", "every 8 hours", "3 times every 7 days". */
  timing: (timing: TimingWords) => string;
  /** "for 7 days". */
  forDuration: (value: number, unit: TimeUnit) => string;
  asNeededShown: string;
  /** What the structured dosage means, shown under the inputs as they are filled. */
  readsAs: (text: string) => string;
  prescriber: string;
  noPrescriber: string;
  loadingPrescriber: string;

  savePrescription: string;
  saving: string;
  prescriptionSaved: string;
  loadingPrescription: string;
  loadPrescriptionFailed: string;
  wrongPatient: string;
  /** Someone else saved the prescription after the form loaded it; nothing was written (412). */
  prescriptionConflict: (changed: string[]) => string;
  prescriptionChangedElsewhere: (changed: string[]) => string;
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
  mustBePositive: (label: string) => string;
  mustBeWholeFrom: (label: string, min: number, max: number) => string;
  chooseUnit: string;
  timingIncomplete: string;
  durationNeedsTiming: string;
  /** More than 24 doses a day: almost always a period typed in the wrong unit. */
  implausiblyOften: (perDay: number) => string;

  allergyWarningTitle: string;
  allergyWarning: (words: AllergyWarningWords) => string;
  criticalityLabels: Record<'low' | 'high' | 'unable-to-assess', string>;
  allergyAcknowledge: string;
  allergyConfirmFirst: string;
  checkingAllergies: string;
  allergiesUnavailable: string;
  allergyUncheckedAcknowledge: string;
  allergyCheckScope: string;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const plural = (n: number, words: { one: string; other: string }) =>
  n === 1 ? words.one : words.other;

const unitsOfTime: MedicationMessages['unitsOfTime'] = {
  s: { one: 'second', other: 'seconds' },
  min: { one: 'minute', other: 'minutes' },
  h: { one: 'hour', other: 'hours' },
  d: { one: 'day', other: 'days' },
  wk: { one: 'week', other: 'weeks' },
  mo: { one: 'month', other: 'months' },
  a: { one: 'year', other: 'years' },
};

const changedList = (labels: string[]) =>
  labels.length > 0 ? labels.join(', ') : 'details this form does not show';

export const defaultMedicationMessages: MedicationMessages = {
  medications: 'Medications',
  current: 'Current',
  past: 'Past',
  medication: 'Medication',
  dosage: 'Dosage',
  status: 'Status',
  written: 'Written',
  actions: 'Actions',
  loadingMedications: 'Loading medications…',
  noMedications: 'No prescriptions recorded.',
  noPatient: 'Choose a patient to see their medications.',
  loadMedicationsFailed: 'Could not load the medications.',
  retry: 'Retry',
  medicationsCount: (n) => `${n} ${n === 1 ? 'prescription' : 'prescriptions'}.`,
  statusLabels: {
    active: 'Active',
    'on-hold': 'On hold',
    cancelled: 'Cancelled',
    completed: 'Completed',
    'entered-in-error': 'Entered in error',
    stopped: 'Stopped',
    draft: 'Draft',
    unknown: 'Unknown',
  },
  reasonShown: (reason) => `Reason: ${reason}`,
  edit: 'Edit',
  editLabel: (medication) => `Edit ${medication}`,
  stop: 'Stop',
  hold: 'Put on hold',
  resume: 'Resume',
  actionLabel: (action, medication) => `${action}: ${medication}`,

  stopTitle: (medication) => `Stop ${medication}`,
  holdTitle: (medication) => `Put ${medication} on hold`,
  resumeTitle: (medication) => `Resume ${medication}`,
  reason: 'Reason',
  chooseReason: 'Choose a reason',
  otherReason: 'Other (describe)',
  otherReasonText: 'Describe the reason',
  confirmStop: 'Stop prescription',
  confirmHold: 'Put on hold',
  confirmResume: 'Resume prescription',
  keepAsIs: 'Keep as is',
  close: 'Close',
  reasonRequired: 'Give a reason for the change.',
  statusChangedMeanwhile: (now) =>
    `This prescription changed since you opened it, so nothing was changed. It is now: ${now}. Apply your change to it anyway?`,
  statusNoLongerApplies: (now) =>
    `This prescription changed since you opened it and this change no longer applies; nothing was changed. It is now: ${now}.`,
  statusChangeFailed: 'Could not change the prescription. Your reason is kept; try again.',
  statusChanged: (status) => `Prescription is now ${status.toLowerCase()}.`,
  applyAnyway: 'Apply anyway',

  dose: 'Dose',
  doseUnit: 'Dose unit',
  route: 'Route',
  howOften: 'How often',
  frequency: 'Times',
  period: 'Per',
  periodUnit: 'Period unit',
  duration: 'For how long (course)',
  durationValue: 'Duration',
  durationUnit: 'Duration unit',
  asNeeded: 'As needed',
  dosageInstruction: 'Instructions',
  quantity: 'Quantity to dispense',
  quantityUnit: 'Quantity unit',
  refills: 'Refills',
  substitution: 'Substitution',
  substitutionLabels: { '': 'Not specified', allowed: 'Allowed', 'not-allowed': 'Not allowed' },
  note: 'Note',
  initialStatus: 'Status',
  notChosen: 'Not specified',
  loadingOptions: 'Loading options…',
  unitsOfTime,
  timing: ({ frequency, period, periodUnit }) => {
    const unit = unitsOfTime[periodUnit];
    if (period === 1) {
      return `${times(frequency)} a ${unit.one}`;
    }
    if (frequency === 1) return `every ${period} ${plural(period, unit)}`;
    return `${times(frequency)} every ${period} ${plural(period, unit)}`;
  },
  forDuration: (value, unit) => `for ${value} ${plural(value, unitsOfTime[unit])}`,
  asNeededShown: 'as needed',
  readsAs: (text) => `Reads as: ${text}`,
  prescriber: 'Prescriber',
  noPrescriber:
    'No prescriber is known here, so the prescription is saved without one. Sign in as a prescriber, or pass one to the form.',
  loadingPrescriber: 'Loading…',

  savePrescription: 'Save prescription',
  saving: 'Saving…',
  prescriptionSaved: 'Prescription saved.',
  loadingPrescription: 'Loading prescription…',
  loadPrescriptionFailed: 'Could not load the prescription.',
  wrongPatient:
    'This prescription belongs to another patient than the one shown, so it cannot be edited here.',
  prescriptionConflict: (changed) =>
    `Someone else saved this prescription while you were editing (${changedList(changed)}), so nothing was saved. Your values are kept: check them, then save again to apply yours.`,
  prescriptionChangedElsewhere: (changed) =>
    `This prescription was changed elsewhere (${changedList(changed)}). Fields you have not edited show the new values.`,
  conflictsTitle: 'Changed by someone else too',
  storedNow: (value) => `Stored now: ${value}`,
  yours: (value) => `Yours: ${value}`,
  keepStored: (label) => `Keep stored ${label.toLowerCase()}`,
  fieldRequired: (label) => `${label} is required`,
  fieldInvalid: (label, rule) => `${label} ${rule}`,
  formHasErrors: 'Please correct the highlighted fields.',
  saveFailed: 'Could not save the prescription. Your entries are kept; try again.',
  nothingToSave: 'No changes to save.',
  cannotClear: (label) => `${label} can only be changed here, not removed. Enter a value or undo.`,
  mustBePositive: (label) => `${label} must be a number greater than 0`,
  mustBeWholeFrom: (label, min, max) => `${label} must be a whole number from ${min} to ${max}`,
  chooseUnit: 'Choose a unit',
  timingIncomplete: 'Enter how many times per period (for example 3 per 1 day)',
  durationNeedsTiming: 'A course length bounds a frequency: enter how often first',
  implausiblyOften: (perDay) =>
    `That is ${Math.round(perDay)} doses a day. Check the times and the period (3 a day is 3 per 1 day).`,

  allergyWarningTitle: 'Allergy warning',
  allergyWarning: ({ substance, medication, criticality, reactions, unconfirmed }) =>
    [
      `Recorded allergy to ${substance} matches ${medication}.`,
      criticality === 'high' ? 'Criticality: high.' : '',
      reactions.length > 0 ? `Reactions: ${reactions.join(', ')}.` : '',
      unconfirmed ? '(Not confirmed.)' : '',
    ]
      .filter(Boolean)
      .join(' '),
  criticalityLabels: { low: 'Low', high: 'High', 'unable-to-assess': 'Unable to assess' },
  allergyAcknowledge: 'I have reviewed this allergy and still want to prescribe it',
  allergyConfirmFirst: 'Review the allergy warning and confirm it before saving.',
  checkingAllergies: 'Checking the patient’s allergies…',
  allergiesUnavailable:
    'The patient’s allergies could not be checked against this medication. Check them before prescribing.',
  allergyUncheckedAcknowledge: 'I have checked the allergies myself; save without this check',
  allergyCheckScope:
    'Compared by RxNorm code and ingredient, then by name. Related drugs of the same class (for example other penicillins) are not detected.',
};

/** The defaults with per-component overrides applied. */
export function medicationMessages(overrides?: Partial<MedicationMessages>): MedicationMessages {
  return overrides ? { ...defaultMedicationMessages, ...overrides } : defaultMedicationMessages;
}
