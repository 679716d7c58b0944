/**
 * The vital signs of the FHIR R4 vital-signs profile (http://hl7.org/fhir/R4/observation-vitalsigns.html)
 * this domain records: LOINC codes (http://loinc.org, long common names as displays) and UCUM
 * units (http://unitsofmeasure.org), as the profile and its per-vital profiles (`bp`, `heartrate`,
 * `resprate`, `bodytemp`, `oxygensat`, `bodyheight`, `bodyweight`, `bmi`) fix them.
 */

export const LOINC_SYSTEM = 'http://loinc.org';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** HL7 v3 ObservationInterpretation (FHIR R4 `Observation.interpretation`). */
export const INTERPRETATION_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

/** One vital recorded as one Observation (blood pressure: one panel with two components). */
export type VitalKey =
  | 'bloodPressure'
  | 'heartRate'
  | 'respiratoryRate'
  | 'bodyTemperature'
  | 'oxygenSaturation'
  | 'bodyHeight'
  | 'bodyWeight'
  | 'bmi';

/** One measured number: a vital's value, or a blood pressure component. */
export type VitalMeasure =
  | 'systolic'
  | 'diastolic'
  | 'heartRate'
  | 'respiratoryRate'
  | 'bodyTemperature'
  | 'oxygenSaturation'
  | 'bodyHeight'
  | 'bodyWeight'
  | 'bmi';

/** A LOINC coding as the simplified API takes it. */
export interface LoincCoding {
  system: typeof LOINC_SYSTEM;
  code: string;
  display: string;
}

/** Low and high bounds in the measure's canonical UCUM unit; either may be absent. */
export interface ValueRange {
  low?: number | undefined;
  high?: number | undefined;
}

export interface MeasureDefinition {
  measure: VitalMeasure;
  coding: LoincCoding;
  /** The canonical UCUM code stored in `valueQuantity.code`, e.g. `mm[Hg]`. */
  ucum: string;
  /** The human-readable unit stored in `valueQuantity.unit` (the profile requires one). */
  unit: string;
  /** Decimal places stored (the canonical precision): 0 for whole numbers. */
  decimals: number;
  /**
   * Values outside these bounds (canonical unit) are refused as implausible (a typo, or a value
   * entered in another unit), not flagged.
   */
  plausible: { low: number; high: number };
  /** Default adult (18 years and over) reference range, the basis of H/L/N flags. */
  adultRange?: ValueRange;
}

const loinc = (code: string, display: string): LoincCoding => ({
  system: LOINC_SYSTEM,
  code,
  display,
});

/**
 * Each measure's coding, unit, precision, plausible bounds and adult reference range.
 *
 * Reference ranges (adults at rest; apps pass their own through `referenceRanges`):
 * - blood pressure: 90-129 systolic, 60-79 diastolic mm[Hg]: flagged high from the 2017
 *   ACC/AHA guideline's hypertension thresholds (130 / 80), low below the usual hypotension
 *   thresholds (90 / 60);
 * - heart rate 60-100 /min and respiratory rate 12-20 /min (adult resting norms);
 * - body temperature 36.1-37.2 Cel (97-99 [degF]);
 * - oxygen saturation 95 % and above;
 * - BMI 18.5-24.9 kg/m2 (WHO adult classification: under 18.5 underweight, 25 and over
 *   overweight).
 * Height and weight have no reference range (they are not flagged).
 */
export const MEASURES: Readonly<Record<VitalMeasure, MeasureDefinition>> = {
  systolic: {
    measure: 'systolic',
    coding: loinc('8480-6', 'Systolic blood pressure'),
    ucum: 'mm[Hg]',
    unit: 'mmHg',
    decimals: 0,
    plausible: { low: 40, high: 300 },
    adultRange: { low: 90, high: 129 },
  },
  diastolic: {
    measure: 'diastolic',
    coding: loinc('8462-4', 'Diastolic blood pressure'),
    ucum: 'mm[Hg]',
    unit: 'mmHg',
    decimals: 0,
    plausible: { low: 20, high: 200 },
    adultRange: { low: 60, high: 79 },
  },
  heartRate: {
    measure: 'heartRate',
    coding: loinc('8867-4', 'Heart rate'),
    ucum: '/min',
    unit: 'beats/minute',
    decimals: 0,
    plausible: { low: 20, high: 300 },
    adultRange: { low: 60, high: 100 },
  },
  respiratoryRate: {
    measure: 'respiratoryRate',
    coding: loinc('9279-1', 'Respiratory rate'),
    ucum: '/min',
    unit: 'breaths/minute',
    decimals: 0,
    plausible: { low: 2, high: 100 },
    adultRange: { low: 12, high: 20 },
  },
  bodyTemperature: {
    measure: 'bodyTemperature',
    coding: loinc('8310-5', 'Body temperature'),
    ucum: 'Cel',
    unit: '°C',
    decimals: 1,
    plausible: { low: 25, high: 45 },
    adultRange: { low: 36.1, high: 37.2 },
  },
  oxygenSaturation: {
    measure: 'oxygenSaturation',
    // The R4 `oxygensat` profile fixes 2708-6 (see README: why 59408-5 is not added).
    coding: loinc('2708-6', 'Oxygen saturation in Arterial blood'),
    ucum: '%',
    unit: '%',
    decimals: 0,
    plausible: { low: 50, high: 100 },
    adultRange: { low: 95 },
  },
  bodyHeight: {
    measure: 'bodyHeight',
    coding: loinc('8302-2', 'Body height'),
    ucum: 'cm',
    unit: 'cm',
    decimals: 1,
    plausible: { low: 20, high: 272 },
  },
  bodyWeight: {
    measure: 'bodyWeight',
    coding: loinc('29463-7', 'Body weight'),
    ucum: 'kg',
    unit: 'kg',
    decimals: 1,
    plausible: { low: 0.3, high: 500 },
  },
  bmi: {
    measure: 'bmi',
    coding: loinc('39156-5', 'Body mass index (BMI) [Ratio]'),
    ucum: 'kg/m2',
    unit: 'kg/m2',
    decimals: 1,
    plausible: { low: 5, high: 150 },
    adultRange: { low: 18.5, high: 24.9 },
  },
};

export interface VitalDefinition {
  key: VitalKey;
  /** The Observation's code. */
  coding: LoincCoding;
  /** The numbers it holds: one, or (blood pressure) the components in order. */
  measures: readonly VitalMeasure[];
  /** True when it is stored as components of a panel (no `valueQuantity` of its own). */
  panel: boolean;
}

/** The vitals in chart order. */
export const VITALS: Readonly<Record<VitalKey, VitalDefinition>> = {
  bloodPressure: {
    key: 'bloodPressure',
    coding: loinc('85354-9', 'Blood pressure panel with all children optional'),
    measures: ['systolic', 'diastolic'],
    panel: true,
  },
  heartRate: single('heartRate'),
  respiratoryRate: single('respiratoryRate'),
  bodyTemperature: single('bodyTemperature'),
  oxygenSaturation: single('oxygenSaturation'),
  bodyHeight: single('bodyHeight'),
  bodyWeight: single('bodyWeight'),
  bmi: single('bmi'),
};

function single(key: Exclude<VitalKey, 'bloodPressure'>): VitalDefinition {
  return { key, coding: MEASURES[key].coding, measures: [key], panel: false };
}

export const VITAL_KEYS = Object.keys(VITALS) as VitalKey[];

/** The vital an Observation code (LOINC) names, if it is one of ours. */
export function vitalOfCode(code: string | undefined): VitalKey | undefined {
  if (!code) return undefined;
  return VITAL_KEYS.find((key) => VITALS[key].coding.code === code);
}

/** The measure a component's LOINC code names (systolic, diastolic). */
export function measureOfCode(code: string | undefined): VitalMeasure | undefined {
  if (!code) return undefined;
  return (Object.keys(MEASURES) as VitalMeasure[]).find((m) => MEASURES[m].coding.code === code);
}

/** The value set `vital-signs` category of the profile (`Observation.category`). */
export const VITAL_SIGNS_CATEGORY = 'vital-signs' as const;
