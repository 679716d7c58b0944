import type { DoseQuantity, Prescription, TimeUnit } from '@clinikapi/core';
import { codeLabel } from './codes.js';
import type { MedicationMessages } from './medicationMessages.js';

/** FHIR R4 `units-of-time` (UCUM), in the order a form offers them. */
export const TIME_UNIT_CODES: readonly TimeUnit[] = ['min', 'h', 'd', 'wk', 'mo', 'a'];

/** Doses per day of a timing (`frequency` per `period` `periodUnit`), for plausibility checks. */
export function dosesPerDay(frequency: number, period: number, periodUnit: TimeUnit): number {
  const days: Record<TimeUnit, number> = {
    s: 1 / 86_400,
    min: 1 / 1_440,
    h: 1 / 24,
    d: 1,
    wk: 7,
    mo: 30,
    a: 365,
  };
  return frequency / (period * days[periodUnit]);
}

/** A quantity as shown: "500 mg", "1 capsule". */
export const quantityText = (q: Pick<DoseQuantity, 'value' | 'unit' | 'code'> | undefined) =>
  q ? [q.value, q.unit ?? q.code].filter((part) => part !== undefined).join(' ') : '';

/**
 * The structured dosage in words, e.g. "1 capsule, Oral route, 3 times a day, for 7 days", or
 * the free-text instructions when nothing is structured.
 */
export function describeDosage(
  p: Pick<Prescription, 'dosage' | 'dosageInstruction'>,
  m: MedicationMessages,
): string {
  const d = p.dosage;
  const repeat = d?.timing?.repeat;
  const parts = [
    quantityText(d?.doseQuantity),
    codeLabel(d?.route),
    repeat ? m.timing(repeat) : '',
    repeat?.boundsDuration
      ? m.forDuration(repeat.boundsDuration.value, repeat.boundsDuration.code)
      : '',
    d?.asNeededBoolean ? m.asNeededShown : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : (p.dosageInstruction ?? '');
}
