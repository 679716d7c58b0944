import type { ObservationStatus } from '@clinikapi/core';
import type { EntryUnit } from './units.js';
import type { VitalKey, VitalMeasure } from './vitalSigns.js';

/** Every user-visible string of the vitals components, in English. Override any through `messages`. */
export interface VitalsMessages {
  /** Names of the vitals (headings, summaries). */
  vitalLabels: Record<VitalKey, string>;
  /** Names of the inputs / measures. */
  measureLabels: Record<VitalMeasure, string>;
  /** Units as shown next to values, by UCUM code (`mm[Hg]` -> `mmHg`). */
  unitLabels: Record<string, string>;
  /** Names of the entry units in the unit pickers. */
  entryUnitLabels: Record<EntryUnit, string>;
  /** Label of a unit picker, e.g. "Weight unit". */
  unitOf: (label: string) => string;
  feet: string;
  inches: string;
  flagLabels: Record<'H' | 'L' | 'N', string>;
  /** Any other stored interpretation code. */
  flagOther: (code: string) => string;
  statusLabels: Record<ObservationStatus, string>;
  // Form
  recordVitals: string;
  effectiveDateTime: string;
  /** Says in which zone the time is entered, e.g. "Practice time (America/New_York, GMT-4)". */
  timeInZone: (zone: string, offset: string) => string;
  /** The instant a typed time stands for, e.g. "Recorded as Mon, Jun 15, 2026, 9:30 AM EDT". */
  recordedAs: (when: string) => string;
  /** The canonical value a typed value is stored as, e.g. "Stored as 70.3 kg". */
  storedAs: (value: string) => string;
  /** The reference range shown with an input or value, e.g. "Reference 60–100 /min". */
  referenceRange: (range: string) => string;
  /** Why no flags are computed: the default ranges are for adults. */
  noRangesForAge: string;
  bmiFromEntry: (bmi: string, weight: string, height: string) => string;
  bmiFromLatestHeight: (bmi: string, weight: string, height: string, when: string) => string;
  bmiNeedsHeight: string;
  /** The note stored with a computed BMI. */
  bmiNote: (weight: string, height: string, heightWhen: string | undefined) => string;
  saveVitals: string;
  savingVitals: string;
  loadingVitalsForm: string;
  noPatient: string;
  loadVitalsFormFailed: string;
  enterSomething: string;
  formHasErrors: string;
  required: (label: string) => string;
  notANumber: (label: string) => string;
  tooManyDecimals: (label: string, decimals: number) => string;
  /** A value outside the plausible bounds, in the unit it was typed in. */
  implausible: (label: string, low: string, high: string) => string;
  /** A Celsius entry that looks like Fahrenheit. */
  looksLikeFahrenheit: string;
  inchesBelowTwelve: string;
  bothPressures: string;
  systolicAboveDiastolic: string;
  timeRequired: string;
  timeInFuture: string;
  timeMissingInZone: (zone: string) => string;
  bmiImplausible: (bmi: string) => string;
  /** All vitals saved: what was recorded. */
  vitalsSaved: (list: string) => string;
  /** Some saved, some not: says which, and that saved ones are not sent again. */
  partlySaved: (saved: string, failed: string) => string;
  noneSaved: (failed: string) => string;
  /** Why one vital was not saved. */
  failedBecause: (vital: string, reason: string) => string;
  reasonRejected: string;
  reasonServer: string;
  /** No answer: the record may exist; check before saving again. */
  reasonUnknown: string;
  reasonOffline: string;
  // Editing one recorded vital
  editVital: (vital: string) => string;
  changeKind: string;
  changeKindHint: string;
  statusOptions: Record<'amended' | 'corrected' | 'entered-in-error', string>;
  keepStatus: (status: string) => string;
  saveChange: string;
  markEnteredInError: string;
  loadingVital: string;
  loadVitalFailed: string;
  notAVital: string;
  otherPatient: string;
  withdrawn: string;
  enteredInErrorAlone: string;
  nothingToAmend: string;
  bmiComputedOnly: string;
  flagNotRecomputable: string;
  vitalSaved: string;
  // BMI computed from an edited weight or height (VitalEditForm)
  /** Label of the list of BMIs computed from the reading. */
  derivedBmiTitle: string;
  /** `source` is the lower-case vital ("weight"), values formatted with their unit. */
  bmiRecomputed: (source: string, was: string, now: string) => string;
  updateBmi: string;
  /** The reading was withdrawn; a BMI computed from it still stands. */
  bmiFromWithdrawn: (source: string, was: string, when: string) => string;
  withdrawBmiToo: string;
  /** The BMI cannot be recomputed (its other measurement is withdrawn or missing, or no range). */
  bmiNotRecomputable: (source: string, was: string) => string;
  bmiUpdated: (now: string) => string;
  bmiWithdrawn: string;
  /** 412 / newer `updatedAt`: nothing was written. */
  bmiChangedMeanwhile: string;
  bmiUpdateFailed: (reason: string | undefined) => string;
  /** The search for BMIs computed from the reading failed. */
  bmiCheckFailed: string;
  nothingToSave: string;
  saveFailed: string;
  cannotClear: (label: string) => string;
  vitalConflict: (fields: string[]) => string;
  vitalChangedElsewhere: (fields: string[]) => string;
  conflictsTitle: string;
  storedNow: (value: string) => string;
  yours: (value: string) => string;
  keepStored: (label: string) => string;
  fieldRequired: (label: string) => string;
  fieldInvalid: (label: string, rule: string) => string;
  // List
  vitals: string;
  loadingVitals: string;
  noVitals: string;
  loadVitalsFailed: string;
  retry: string;
  when: string;
  value: string;
  flag: string;
  range: string;
  status: string;
  edit: (vital: string, when: string) => string;
  editShort: string;
  actions: string;
  showAll: (count: number) => string;
  showFewer: string;
  historyOf: (vital: string) => string;
  truncated: (limit: number) => string;
  noTime: string;
  // Trend
  trendOf: (vital: string) => string;
  trendDescription: (
    vital: string,
    count: number,
    from: string,
    to: string,
    latest: string,
  ) => string;
  trendHelp: string;
  showTable: string;
  noTrend: (vital: string) => string;
  pointLabel: (series: string, value: string, flag: string, when: string) => string;
  referenceBand: (range: string) => string;
  notPlotted: (count: number) => string;
}

const vitalLabels: Record<VitalKey, string> = {
  bloodPressure: 'Blood pressure',
  heartRate: 'Heart rate',
  respiratoryRate: 'Respiratory rate',
  bodyTemperature: 'Temperature',
  oxygenSaturation: 'Oxygen saturation (SpO₂)',
  bodyHeight: 'Height',
  bodyWeight: 'Weight',
  bmi: 'BMI',
};

const join = (items: string[]) => items.join(', ');

export const defaultVitalsMessages: VitalsMessages = {
  vitalLabels,
  measureLabels: {
    systolic: 'Systolic',
    diastolic: 'Diastolic',
    heartRate: vitalLabels.heartRate,
    respiratoryRate: vitalLabels.respiratoryRate,
    bodyTemperature: vitalLabels.bodyTemperature,
    oxygenSaturation: vitalLabels.oxygenSaturation,
    bodyHeight: vitalLabels.bodyHeight,
    bodyWeight: vitalLabels.bodyWeight,
    bmi: vitalLabels.bmi,
  },
  unitLabels: {
    'mm[Hg]': 'mmHg',
    '/min': '/min',
    Cel: '°C',
    '[degF]': '°F',
    '%': '%',
    cm: 'cm',
    '[in_i]': 'in',
    kg: 'kg',
    '[lb_av]': 'lb',
    'kg/m2': 'kg/m²',
  },
  entryUnitLabels: {
    Cel: '°C',
    '[degF]': '°F',
    cm: 'cm',
    '[in_i]': 'in',
    ft_in: 'ft + in',
    kg: 'kg',
    '[lb_av]': 'lb',
  },
  unitOf: (label) => `${label} unit`,
  feet: 'ft',
  inches: 'in',
  flagLabels: { H: 'High', L: 'Low', N: 'Normal' },
  flagOther: (code) => `Flag ${code}`,
  statusLabels: {
    registered: 'Registered',
    preliminary: 'Preliminary',
    final: 'Final',
    amended: 'Amended',
    corrected: 'Corrected',
    cancelled: 'Cancelled',
    'entered-in-error': 'Entered in error',
  },
  recordVitals: 'Record vital signs',
  effectiveDateTime: 'Measured at',
  timeInZone: (zone, offset) => `Practice time (${zone}, ${offset})`,
  recordedAs: (when) => `Recorded as ${when}`,
  storedAs: (value) => `Stored as ${value}`,
  referenceRange: (range) => `Reference ${range}`,
  noRangesForAge:
    'No flags: the reference ranges are for adults, and this patient is under 18 or has no birth date.',
  bmiFromEntry: (bmi, weight, height) => `BMI ${bmi}, from ${weight} and ${height}.`,
  bmiFromLatestHeight: (bmi, weight, height, when) =>
    `BMI ${bmi}, from ${weight} and the latest recorded height, ${height} (measured ${when}).`,
  bmiNeedsHeight: 'BMI is not computed: no height is entered or recorded.',
  bmiNote: (weight, height, heightWhen) =>
    heightWhen
      ? `Calculated from body weight ${weight} and the latest body height ${height} (measured ${heightWhen}).`
      : `Calculated from body weight ${weight} and body height ${height}.`,
  saveVitals: 'Save vitals',
  savingVitals: 'Saving…',
  loadingVitalsForm: 'Loading the patient…',
  noPatient: 'Choose a patient to record vital signs.',
  loadVitalsFormFailed: 'Could not load the patient.',
  enterSomething: 'Enter at least one vital sign.',
  formHasErrors: 'Nothing was saved. Please correct the highlighted fields.',
  required: (label) => `${label} is required`,
  notANumber: (label) => `${label} must be a number, e.g. 72 or 37.5`,
  tooManyDecimals: (label, decimals) =>
    decimals === 0
      ? `${label} must be a whole number`
      : `${label} takes at most ${decimals} decimal place${decimals === 1 ? '' : 's'}`,
  implausible: (label, low, high) =>
    `${label} must be between ${low} and ${high}. Check the value and its unit.`,
  looksLikeFahrenheit: 'This looks like °F: pick °F as the unit.',
  inchesBelowTwelve: 'Inches must be below 12 (enter the feet separately)',
  bothPressures: 'Enter both systolic and diastolic pressure',
  systolicAboveDiastolic: 'Systolic must be higher than diastolic',
  timeRequired: 'Enter when the vitals were measured',
  timeInFuture: 'The time of measurement is in the future',
  timeMissingInZone: (zone) =>
    `This time does not exist in ${zone} (the clocks moved forward): enter another time`,
  bmiImplausible: (bmi) =>
    `Height and weight give a BMI of ${bmi}, which is not plausible: check both values and units`,
  vitalsSaved: (list) => `Vitals recorded: ${list}.`,
  partlySaved: (saved, failed) =>
    `Saved: ${saved}. Not saved: ${failed}. Your entries for these are kept; save again to retry them (saved vitals are not sent again).`,
  noneSaved: (failed) =>
    `Nothing was saved: ${failed}. Your entries are kept; save again to retry.`,
  failedBecause: (vital, reason) => `${vital} (${reason})`,
  reasonRejected: 'refused by the server',
  reasonServer: 'server error',
  reasonUnknown:
    'no answer from the server: it may have been saved, check the list before saving again',
  reasonOffline: 'could not reach the server',
  editVital: (vital) => `Edit ${vital.toLowerCase()}`,
  changeKind: 'Status',
  changeKindHint:
    'A changed value is recorded as amended unless you choose corrected (fixing an error).',
  statusOptions: {
    amended: 'Amended (updated information)',
    corrected: 'Corrected (fixing an error)',
    'entered-in-error': 'Entered in error (withdraw this reading)',
  },
  keepStatus: (status) => `${status} (as recorded)`,
  saveChange: 'Save change',
  markEnteredInError: 'Withdraw as entered in error',
  loadingVital: 'Loading the reading…',
  loadVitalFailed: 'Could not load the reading.',
  notAVital: 'This record is not a vital sign this form can edit.',
  otherPatient: 'This reading belongs to another patient; it is not shown here.',
  withdrawn: 'This reading was withdrawn as entered in error and can no longer be changed.',
  enteredInErrorAlone:
    'A reading entered in error is withdrawn as it was: undo your other changes first',
  nothingToAmend: 'Change the value or time to amend or correct this reading',
  bmiComputedOnly:
    'BMI is computed from height and weight: record those again, or withdraw this BMI.',
  flagNotRecomputable:
    'This reading has a flag but no stored reference range, so the flag cannot be recomputed: withdraw it as entered in error and record it again.',
  vitalSaved: 'Reading saved.',
  derivedBmiTitle: 'BMI computed from this reading',
  bmiRecomputed: (source, was, now) =>
    `BMI recorded with this ${source} is ${was}; with the new value it is ${now}.`,
  updateBmi: 'Update BMI',
  bmiFromWithdrawn: (source, was, when) =>
    `A BMI of ${was} (measured ${when}) was computed from this ${source} and still stands.`,
  withdrawBmiToo: 'Withdraw BMI too',
  bmiNotRecomputable: (source, was) =>
    `BMI recorded with this ${source} is ${was} and cannot be recomputed here (the other measurement it used is withdrawn or unavailable, or it has a flag without a stored range): review it in the vitals list.`,
  bmiUpdated: (now) => `BMI updated to ${now}.`,
  bmiWithdrawn: 'BMI withdrawn as entered in error.',
  bmiChangedMeanwhile:
    'The BMI was changed by someone else after this offer was made, so it was not changed here. Review it in the vitals list.',
  bmiUpdateFailed: (reason) =>
    `Could not change the BMI${reason ? ` (${reason})` : ''}. Nothing was changed; try again.`,
  bmiCheckFailed:
    'Could not check for a BMI computed from this reading: review the BMI in the vitals list.',
  nothingToSave: 'No changes to save.',
  saveFailed: 'Could not save the reading. Your changes are kept; try again.',
  cannotClear: (label) => `${label} can be changed, not removed. Enter a value or undo.`,
  vitalConflict: (fields) =>
    `Someone else changed this reading since you opened it, so nothing was saved${
      fields.length > 0 ? ` (changed: ${join(fields)})` : ''
    }. Your entries are kept: check them, then save again to apply them.`,
  vitalChangedElsewhere: (fields) =>
    `This reading was changed elsewhere${
      fields.length > 0 ? ` (${join(fields)})` : ''
    }. Fields you did not edit show the new values.`,
  conflictsTitle: 'Changed by someone else too',
  storedNow: (value) => `Stored now: ${value}`,
  yours: (value) => `Yours: ${value}`,
  keepStored: (label) => `Keep stored ${label.toLowerCase()}`,
  fieldRequired: (label) => `${label} is required`,
  fieldInvalid: (label, rule) => `${label} ${rule}`,
  vitals: 'Vital signs',
  loadingVitals: 'Loading vital signs…',
  noVitals: 'No vital signs recorded.',
  loadVitalsFailed: 'Could not load the vital signs.',
  retry: 'Retry',
  when: 'Measured',
  value: 'Value',
  flag: 'Flag',
  range: 'Reference range',
  status: 'Status',
  edit: (vital, when) => `Edit ${vital.toLowerCase()} of ${when}`,
  editShort: 'Edit',
  actions: 'Actions',
  showAll: (count) => `Show all ${count}`,
  showFewer: 'Show fewer',
  historyOf: (vital) => `${vital} history, latest first`,
  truncated: (limit) =>
    `Showing the latest ${limit} observations of this patient; older ones are not shown.`,
  noTime: 'No time recorded',
  trendOf: (vital) => `${vital} trend`,
  trendDescription: (vital, count, from, to, latest) =>
    `${vital}: ${count} reading${count === 1 ? '' : 's'} from ${from} to ${to}; latest ${latest}.`,
  trendHelp:
    'Tab to the chart, then use the arrow keys to move between readings (Up and Down switch series), Home and End for the first and last.',
  showTable: 'Show as a table',
  noTrend: (vital) => `No ${vital.toLowerCase()} readings to chart.`,
  pointLabel: (series, value, flag, when) =>
    `${series} ${value}${flag ? `, ${flag}` : ''}, ${when}`,
  referenceBand: (range) => `Shaded: reference range ${range}.`,
  notPlotted: (count) =>
    `${count} reading${count === 1 ? ' is' : 's are'} not plotted (withdrawn, or in a unit the chart cannot convert); see the table.`,
};

/** The defaults with per-component overrides applied. */
export function vitalsMessages(overrides?: Partial<VitalsMessages>): VitalsMessages {
  return overrides ? { ...defaultVitalsMessages, ...overrides } : defaultVitalsMessages;
}
