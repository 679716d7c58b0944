import { ageInYears } from '../../time/dates.js';
import { MEASURES, type ValueRange, type VitalMeasure } from '../vitalSigns.js';

/**
 * Reference ranges by measure, canonical units: a range, or `null` for none. Passed by an app
 * that has its own (paediatric, local policy); they apply whatever the patient's age.
 */
export type ReferenceRanges = Partial<Record<VitalMeasure, ValueRange | null>>;

/** The age from which the built-in (adult) reference ranges apply. */
export const ADULT_AGE = 18;

/**
 * The range each measure is flagged against for a patient: the app's own where given, else the
 * built-in adult range when the patient is an adult at the time of measurement (birth date known,
 * age computed in the practice zone). Children and patients without a birth date get no built-in
 * range (and so no flag): adult norms would mislabel them.
 */
export function rangesFor(
  birthDate: string | undefined,
  at: Date,
  timeZone: string,
  overrides: ReferenceRanges | undefined,
): { ranges: Partial<Record<VitalMeasure, ValueRange | undefined>>; adult: boolean } {
  const age = ageInYears(birthDate, at, timeZone);
  const adult = age !== undefined && age >= ADULT_AGE;
  const ranges: Partial<Record<VitalMeasure, ValueRange | undefined>> = {};
  for (const measure of Object.keys(MEASURES) as VitalMeasure[]) {
    const override = overrides?.[measure];
    if (override !== undefined) ranges[measure] = override ?? undefined;
    else if (adult) ranges[measure] = MEASURES[measure].adultRange;
  }
  return { ranges, adult };
}
