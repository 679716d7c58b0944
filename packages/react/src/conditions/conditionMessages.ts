import type { ConditionClinicalStatus, ConditionVerificationStatus } from '@clinikapi/core';
import type { CodedMessages } from '../coded/codedMessages.js';

type Severity = 'mild' | 'moderate' | 'severe';

/** Every user-visible string of the problem-list components, in English. Override any through `messages`. */
export interface ConditionMessages {
  problems: string;
  loadingProblems: string;
  loadProblemsFailed: string;
  retry: string;
  noProblems: string;
  /** Group captions, with counts. */
  activeGroup: (count: number) => string;
  returnedGroup: (count: number) => string;
  inactiveGroup: (count: number) => string;
  enteredInErrorGroup: (count: number) => string;
  columnProblem: string;
  columnStatus: string;
  columnOnset: string;
  columnAbatement: string;
  columnNote: string;
  columnActions: string;
  edit: (problem: string) => string;
  notCoded: string;
  clinicalStatusLabels: Record<ConditionClinicalStatus, string>;
  verificationStatusLabels: Record<ConditionVerificationStatus, string>;
  severityLabels: Record<Severity, string>;
  statusNotSpecified: string;
  // Form
  code: string;
  codeHint: string;
  clinicalStatus: string;
  verificationStatus: string;
  severity: string;
  onset: string;
  abatement: string;
  dateHint: string;
  abatementHint: string;
  note: string;
  unset: string;
  choose: string;
  saveProblem: string;
  savingProblem: string;
  problemSaved: string;
  loadingProblem: string;
  loadProblemFailed: string;
  otherPatient: string;
  fieldRequired: (label: string) => string;
  fieldInvalid: (label: string, rule: string) => string;
  formHasErrors: string;
  saveFailed: string;
  nothingToSave: string;
  cannotClear: (label: string) => string;
  dateInvalid: (label: string) => string;
  dateInFuture: (label: string) => string;
  abatementBeforeOnset: string;
  /** An abatement with a status that says the problem has not abated (FHIR con-4). */
  abatementNeedsAbatedStatus: string;
  /** Back to active/recurrence/relapse while an abatement is stored: the API cannot remove it. */
  cannotReactivateAbated: string;
  problemConflict: (changed: string[]) => string;
  problemChangedElsewhere: (changed: string[]) => string;
  conflictsTitle: string;
  storedNow: (value: string) => string;
  yours: (value: string) => string;
  keepStored: (label: string) => string;
  /** Wording of the code input. */
  coded?: Partial<CodedMessages>;
}

const changedList = (labels: string[]) =>
  labels.length > 0 ? labels.join(', ') : 'details this form does not show';

export const defaultConditionMessages: ConditionMessages = {
  problems: 'Problem list',
  loadingProblems: 'Loading problems…',
  loadProblemsFailed: 'Could not load the problem list.',
  retry: 'Retry',
  noProblems: 'No problems recorded.',
  activeGroup: (count) => `Active (${count})`,
  returnedGroup: (count) => `Recurrence or relapse (${count})`,
  inactiveGroup: (count) => `Inactive, in remission or resolved (${count})`,
  enteredInErrorGroup: (count) => `Entered in error (${count})`,
  columnProblem: 'Problem',
  columnStatus: 'Status',
  columnOnset: 'Onset',
  columnAbatement: 'Abated',
  columnNote: 'Note',
  columnActions: 'Actions',
  edit: (problem) => `Edit ${problem}`,
  notCoded: 'not coded',
  clinicalStatusLabels: {
    active: 'Active',
    recurrence: 'Recurrence',
    relapse: 'Relapse',
    inactive: 'Inactive',
    remission: 'Remission',
    resolved: 'Resolved',
  },
  verificationStatusLabels: {
    unconfirmed: 'Unconfirmed',
    provisional: 'Provisional',
    differential: 'Differential',
    confirmed: 'Confirmed',
    refuted: 'Refuted',
    'entered-in-error': 'Entered in error',
  },
  severityLabels: { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' },
  statusNotSpecified: 'Status not specified',
  code: 'Problem',
  codeHint: 'Search SNOMED CT and ICD-10-CM, or type the problem.',
  clinicalStatus: 'Clinical status',
  verificationStatus: 'Verification',
  severity: 'Severity',
  onset: 'Onset',
  abatement: 'Abatement',
  dateHint: 'A year, year-month or date, e.g. 2019, 2019-05 or 2019-05-31.',
  abatementHint: 'When it became inactive, went into remission or resolved.',
  note: 'Note',
  unset: 'Not specified',
  choose: 'Choose…',
  saveProblem: 'Save problem',
  savingProblem: 'Saving…',
  problemSaved: 'Problem saved.',
  loadingProblem: 'Loading problem…',
  loadProblemFailed: 'Could not load the problem.',
  otherPatient:
    'This problem belongs to another patient than the one selected. It cannot be edited here.',
  fieldRequired: (label) => `${label} is required`,
  fieldInvalid: (label, rule) => `${label} ${rule}`,
  formHasErrors: 'Please correct the highlighted fields.',
  saveFailed: 'Could not save the problem. Your changes are kept; try again.',
  nothingToSave: 'No changes to save.',
  cannotClear: (label) => `${label} can only be changed here, not removed. Enter a value or undo.`,
  dateInvalid: (label) =>
    `${label} must be a year, year-month or date, e.g. 2019, 2019-05 or 2019-05-31`,
  dateInFuture: (label) => `${label} cannot be in the future`,
  abatementBeforeOnset: 'Abatement cannot be before the onset',
  abatementNeedsAbatedStatus:
    'An abatement can only be recorded when the problem is inactive, in remission or resolved',
  cannotReactivateAbated:
    'This problem has an abatement date, which cannot be removed here. Record the recurrence as a new problem.',
  problemConflict: (changed) =>
    `Someone else saved this problem after you opened it; nothing was saved. They changed: ${changedList(changed)}. Review and save again.`,
  problemChangedElsewhere: (changed) =>
    `This problem was changed elsewhere (${changedList(changed)}); fields you did not edit show the new values.`,
  conflictsTitle: 'Changed by someone else too',
  storedNow: (value) => `Stored now: ${value}`,
  yours: (value) => `Yours: ${value}`,
  keepStored: (label) => `Keep stored ${label.toLowerCase()}`,
};

/** The problem-list components' messages with `overrides` applied. */
export function conditionMessages(overrides?: Partial<ConditionMessages>): ConditionMessages {
  return overrides ? { ...defaultConditionMessages, ...overrides } : defaultConditionMessages;
}
