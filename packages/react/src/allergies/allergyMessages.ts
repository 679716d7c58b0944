import type {
  ALLERGY_CATEGORIES,
  ALLERGY_CRITICALITIES,
  ALLERGY_TYPES,
  AllergyClinicalStatus,
  AllergyVerificationStatus,
  REACTION_SEVERITIES,
} from '@clinikapi/core';
import type { CodedMessages } from '../coded/codedMessages.js';

type Category = (typeof ALLERGY_CATEGORIES)[number];
type Criticality = (typeof ALLERGY_CRITICALITIES)[number];
type AllergyType = (typeof ALLERGY_TYPES)[number];
type Severity = (typeof REACTION_SEVERITIES)[number];

/** Every user-visible string of the allergy components, in English. Override any through `messages`. */
export interface AllergyMessages {
  allergies: string;
  loadingAllergies: string;
  loadAllergiesFailed: string;
  retry: string;
  /** Nothing on file: allergies were never recorded (not the same as "no known allergies"). */
  notRecorded: string;
  /** Only inactive, resolved or refuted allergies are on file. */
  noActiveAllergies: string;
  /** The recorded statement "no known allergies", with when it was recorded. */
  noKnownAllergies: (recorded: string | undefined) => string;
  /** "No known allergies" is on file while active allergies are too: it no longer holds. */
  noKnownAllergiesContradicted: string;
  /** Button: record the "no known allergies" statement. */
  recordNoKnownAllergies: string;
  recordingNoKnownAllergies: string;
  noKnownAllergiesRecorded: string;
  /** Refused: the patient has active allergies (listed by substance). */
  cannotRecordNoKnownAllergies: (substances: string[]) => string;
  recordNoKnownAllergiesFailed: string;
  /** Button on the contradicted statement: set it inactive. */
  markNoKnownAllergiesInactive: string;
  activeAllergies: (count: number) => string;
  inactiveAllergies: string;
  enteredInError: string;
  columnSubstance: string;
  columnCriticality: string;
  columnReactions: string;
  columnCategory: string;
  columnStatus: string;
  columnOnset: string;
  columnActions: string;
  edit: (substance: string) => string;
  clinicalStatusLabels: Record<AllergyClinicalStatus, string>;
  verificationStatusLabels: Record<AllergyVerificationStatus, string>;
  categoryLabels: Record<Category, string>;
  criticalityLabels: Record<Criticality, string>;
  typeLabels: Record<AllergyType, string>;
  severityLabels: Record<Severity, string>;
  notCoded: string;
  // Form
  substance: string;
  substanceHint: string;
  type: string;
  category: string;
  criticality: string;
  clinicalStatus: string;
  verificationStatus: string;
  onset: string;
  onsetHint: string;
  reactions: string;
  reaction: (n: number) => string;
  manifestation: string;
  severity: string;
  reactionDescription: string;
  addReaction: string;
  removeReaction: (n: number) => string;
  note: string;
  unset: string;
  choose: string;
  saveAllergy: string;
  savingAllergy: string;
  allergySaved: string;
  loadingAllergy: string;
  loadAllergyFailed: string;
  fieldRequired: (label: string) => string;
  fieldInvalid: (label: string, rule: string) => string;
  formHasErrors: string;
  saveFailed: string;
  nothingToSave: string;
  cannotClear: (label: string) => string;
  onsetInvalid: string;
  onsetInFuture: string;
  manifestationRequired: (n: number) => string;
  /** Someone else saved the allergy after the form loaded it; nothing was written. */
  allergyConflict: (changed: string[]) => string;
  allergyChangedElsewhere: (changed: string[]) => string;
  conflictsTitle: string;
  storedNow: (value: string) => string;
  yours: (value: string) => string;
  keepStored: (label: string) => string;
  /** Create mode, when "no known allergies" is on file: saving makes it inactive. */
  replacesNoKnownAllergies: string;
  noKnownAllergiesInactivated: string;
  noKnownAllergiesNotInactivated: string;
  /** The edited record is the "no known allergies" statement. */
  editingNoKnownAllergies: string;
  /** Edit mode: the record belongs to another patient than the one given. */
  otherPatient: string;
  /** Wording of the substance and manifestation inputs. */
  coded?: Partial<CodedMessages>;
}

const changedList = (labels: string[]) =>
  labels.length > 0 ? labels.join(', ') : 'details this form does not show';

export const defaultAllergyMessages: AllergyMessages = {
  allergies: 'Allergies and intolerances',
  loadingAllergies: 'Loading allergies…',
  loadAllergiesFailed: 'Could not load allergies.',
  retry: 'Retry',
  notRecorded:
    'Allergies not recorded. Ask the patient and record them, or record “No known allergies”.',
  noActiveAllergies:
    'No active allergies on file (inactive or resolved ones are listed below). Whether the patient has others is not recorded.',
  noKnownAllergies: (recorded) =>
    recorded ? `No known allergies (recorded ${recorded}).` : 'No known allergies.',
  noKnownAllergiesContradicted:
    '“No known allergies” is also on file, but allergies are recorded: it no longer holds.',
  recordNoKnownAllergies: 'Record “No known allergies”',
  recordingNoKnownAllergies: 'Recording…',
  noKnownAllergiesRecorded: '“No known allergies” recorded.',
  cannotRecordNoKnownAllergies: (substances) =>
    `Not recorded: this patient has active allergies (${substances.join(', ')}).`,
  recordNoKnownAllergiesFailed: 'Could not record “No known allergies”. Try again.',
  markNoKnownAllergiesInactive: 'Mark “No known allergies” inactive',
  activeAllergies: (count) => `${count} active ${count === 1 ? 'allergy' : 'allergies'}`,
  inactiveAllergies: 'Inactive and resolved',
  enteredInError: 'Entered in error',
  columnSubstance: 'Substance',
  columnCriticality: 'Criticality',
  columnReactions: 'Reactions',
  columnCategory: 'Category',
  columnStatus: 'Status',
  columnOnset: 'Onset',
  columnActions: 'Actions',
  edit: (substance) => `Edit ${substance}`,
  clinicalStatusLabels: { active: 'Active', inactive: 'Inactive', resolved: 'Resolved' },
  verificationStatusLabels: {
    unconfirmed: 'Unconfirmed',
    confirmed: 'Confirmed',
    refuted: 'Refuted',
    'entered-in-error': 'Entered in error',
  },
  categoryLabels: {
    food: 'Food',
    medication: 'Medication',
    environment: 'Environment',
    biologic: 'Biologic',
  },
  criticalityLabels: { low: 'Low', high: 'High', 'unable-to-assess': 'Unable to assess' },
  typeLabels: { allergy: 'Allergy', intolerance: 'Intolerance' },
  severityLabels: { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' },
  notCoded: 'not coded',
  substance: 'Substance',
  substanceHint: 'Search foods, drugs and other substances, or type one.',
  type: 'Type',
  category: 'Category',
  criticality: 'Criticality',
  clinicalStatus: 'Clinical status',
  verificationStatus: 'Verification',
  onset: 'Onset',
  onsetHint: 'A year, year-month or date, e.g. 2019, 2019-05 or 2019-05-31.',
  reactions: 'Reactions',
  reaction: (n) => `Reaction ${n}`,
  manifestation: 'Manifestation',
  severity: 'Severity',
  reactionDescription: 'Description',
  addReaction: 'Add reaction',
  removeReaction: (n) => `Remove reaction ${n}`,
  note: 'Note',
  unset: 'Not specified',
  choose: 'Choose…',
  saveAllergy: 'Save allergy',
  savingAllergy: 'Saving…',
  allergySaved: 'Allergy saved.',
  loadingAllergy: 'Loading allergy…',
  loadAllergyFailed: 'Could not load the allergy.',
  fieldRequired: (label) => `${label} is required`,
  fieldInvalid: (label, rule) => `${label} ${rule}`,
  formHasErrors: 'Please correct the highlighted fields.',
  saveFailed: 'Could not save the allergy. Your changes are kept; try again.',
  nothingToSave: 'No changes to save.',
  cannotClear: (label) => `${label} can only be changed here, not removed. Enter a value or undo.`,
  onsetInvalid: 'Onset must be a year, year-month or date, e.g. 2019, 2019-05 or 2019-05-31',
  onsetInFuture: 'Onset cannot be in the future',
  manifestationRequired: (n) => `Reaction ${n} needs a manifestation`,
  allergyConflict: (changed) =>
    `Someone else saved this allergy after you opened it; nothing was saved. They changed: ${changedList(changed)}. Review and save again.`,
  allergyChangedElsewhere: (changed) =>
    `This allergy was changed elsewhere (${changedList(changed)}); fields you did not edit show the new values.`,
  conflictsTitle: 'Changed by someone else too',
  storedNow: (value) => `Stored now: ${value}`,
  yours: (value) => `Yours: ${value}`,
  keepStored: (label) => `Keep stored ${label.toLowerCase()}`,
  replacesNoKnownAllergies:
    '“No known allergies” is on file for this patient; saving this allergy marks it inactive.',
  noKnownAllergiesInactivated: '“No known allergies” was marked inactive.',
  noKnownAllergiesNotInactivated:
    'The allergy was saved, but “No known allergies” could not be marked inactive. Mark it inactive in the allergy list.',
  editingNoKnownAllergies:
    'This is the “No known allergies” statement. To record an allergy, add a new one.',
  otherPatient:
    'This allergy belongs to another patient than the one selected. It cannot be edited here.',
};

/** The allergy components' messages with `overrides` applied. */
export function allergyMessages(overrides?: Partial<AllergyMessages>): AllergyMessages {
  return overrides ? { ...defaultAllergyMessages, ...overrides } : defaultAllergyMessages;
}
