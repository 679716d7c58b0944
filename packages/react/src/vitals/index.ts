export {
  flagLabel,
  formatMeasure,
  formatRange,
  formatReading,
} from './format.js';
export {
  type Flag,
  flagOf,
  isCurrentResult,
  type MeasuredValue,
  readingOf,
  type VitalBodyInput,
  type VitalReading,
  vitalBody,
} from './observations.js';
export {
  type EntryUnit,
  type HeightUnit,
  METRIC_UNITS,
  type TemperatureUnit,
  US_UNITS,
  type VitalUnits,
  type WeightUnit,
} from './units.js';
export { type PatientVitals, patientVitalsQuery, usePatientVitals } from './usePatientVitals.js';
export type {
  EnteredVital,
  EntryField,
  VitalsEntryValues,
} from './VitalsForm/entry.js';
export { type ReferenceRanges, rangesFor } from './VitalsForm/ranges.js';
export type { DerivedBmiOffer, DerivedBmiState } from './VitalsForm/useDerivedBmi.js';
export {
  type UseVitalEditFormOptions,
  useVitalEditForm,
  type VitalEditFormState,
} from './VitalsForm/useVitalEditForm.js';
export {
  type FailureReason,
  type UseVitalsFormOptions,
  useVitalsForm,
  type VitalsFormState,
  type VitalsFormStatus,
} from './VitalsForm/useVitalsForm.js';
export { VitalEditForm, type VitalEditFormProps } from './VitalsForm/VitalEditForm.js';
export { VitalsForm, type VitalsFormProps } from './VitalsForm/VitalsForm.js';
export { VitalsList, type VitalsListProps } from './VitalsList/VitalsList.js';
export {
  type TrendPoint,
  type TrendSeries,
  trendOf,
  type VitalTrend,
} from './VitalsTrend/trend.js';
export { VitalsTrend, type VitalsTrendProps } from './VitalsTrend/VitalsTrend.js';
export {
  INTERPRETATION_SYSTEM,
  LOINC_SYSTEM,
  type LoincCoding,
  MEASURES,
  type MeasureDefinition,
  UCUM_SYSTEM,
  type ValueRange,
  VITAL_KEYS,
  VITALS,
  type VitalDefinition,
  type VitalKey,
  type VitalMeasure,
} from './vitalSigns.js';
export { defaultVitalsMessages, type VitalsMessages, vitalsMessages } from './vitalsMessages.js';
