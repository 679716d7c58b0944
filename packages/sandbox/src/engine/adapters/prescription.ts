import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter, Simplified } from '../adapter.js';
import {
  asArray,
  bool,
  compact,
  fromConcept,
  idFromRef,
  isPlainObject,
  notesOf,
  noteText,
  num,
  plain,
  ref,
  str,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

const UNITS_OF_TIME = new Set(['s', 'min', 'h', 'd', 'wk', 'mo', 'a']);
const isObject = (value: unknown) => (isPlainObject(value) ? value : {});

/**
 * FHIR `dosageInstruction[0]`: the free text (`dosageInstruction`) and the structured parts
 * (`dosage`: `doseAndRate[0].doseQuantity`, `route`, `timing.repeat`, `asNeededBoolean`).
 */
function dosageToFhir(text: unknown, dosage: unknown) {
  const d = isObject(dosage);
  const repeat = isObject(isObject(d.timing).repeat);
  const out = compact({
    text: str(text),
    timing: Object.keys(repeat).length > 0 ? { repeat: compact({ ...repeat }) } : undefined,
    asNeededBoolean: bool(d.asNeededBoolean),
    route: toConcept(d.route),
    doseAndRate: isPlainObject(d.doseQuantity)
      ? [{ doseQuantity: plain(d.doseQuantity) }]
      : undefined,
  });
  return Object.keys(out).length > 0 ? [out] : undefined;
}

/**
 * The structured parts of FHIR `dosageInstruction[0]`, kept only where they fit the simplified
 * shape (a timing without frequency, period and a UCUM unit of time, e.g. one written through
 * the FHIR passthrough, is left to the raw resource), so every stored record stays patchable.
 */
function dosageFromFhir(dosage: Record<string, unknown> | undefined): Simplified | undefined {
  if (!dosage) return undefined;
  const repeat = isObject(isObject(dosage.timing).repeat);
  const bounds = isObject(repeat.boundsDuration);
  const frequency = num(repeat.frequency);
  const period = num(repeat.period);
  const periodUnit = str(repeat.periodUnit);
  const timing =
    frequency !== undefined && period !== undefined && periodUnit && UNITS_OF_TIME.has(periodUnit)
      ? {
          repeat: compact({
            frequency,
            period,
            periodUnit,
            boundsDuration:
              num(bounds.value) !== undefined && UNITS_OF_TIME.has(String(bounds.code))
                ? plain(bounds)
                : undefined,
          }),
        }
      : undefined;
  const dose = isObject(asArray(dosage.doseAndRate).filter(isPlainObject)[0]?.doseQuantity);
  const out = compact({
    doseQuantity: (num(dose.value) ?? 0) > 0 ? plain(dose) : undefined,
    route: fromConcept(dosage.route),
    timing,
    asNeededBoolean: bool(dosage.asNeededBoolean),
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

export const prescriptionAdapter: ResourceAdapter = {
  definition: definitionOf('prescriptions'),
  schemas: RESOURCE_SCHEMAS.prescriptions,
  toFhir: (p, id) => {
    const substitution = isPlainObject(p.substitution) ? p.substitution : undefined;
    return compact({
      resourceType: 'MedicationRequest',
      id,
      status: p.status,
      statusReason: toConcept(p.statusReason),
      intent: p.intent ?? 'order',
      medicationCodeableConcept: toConcept(p.medication),
      subject: ref('Patient', str(p.patientId)),
      encounter: ref('Encounter', str(p.encounterId)),
      authoredOn: p.authoredOn,
      requester: ref('Practitioner', str(p.practitionerId)),
      note: notesOf(p.note),
      dosageInstruction: dosageToFhir(p.dosageInstruction, p.dosage),
      dispenseRequest:
        p.quantity !== undefined || p.refills !== undefined
          ? compact({ numberOfRepeatsAllowed: p.refills, quantity: plain(p.quantity) })
          : undefined,
      substitution: substitution
        ? compact({
            allowedBoolean: bool(substitution.allowedBoolean),
            reason: toConcept(substitution.reason),
          })
        : undefined,
    }) as FhirResource;
  },
  fromFhir: (f) => {
    const dispense = isObject(f.dispenseRequest);
    const dosage = asArray(f.dosageInstruction).filter(isPlainObject)[0];
    const substitution = isObject(f.substitution);
    const allowed = bool(substitution.allowedBoolean);
    return compact({
      status: str(f.status),
      statusReason: fromConcept(f.statusReason),
      intent: str(f.intent),
      medication: fromConcept(f.medicationCodeableConcept),
      patientId: idFromRef(f.subject, 'Patient'),
      practitionerId: idFromRef(f.requester, 'Practitioner'),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      authoredOn: str(f.authoredOn),
      dosageInstruction: str(dosage?.text),
      dosage: dosageFromFhir(dosage),
      quantity: plain(dispense.quantity),
      refills: num(dispense.numberOfRepeatsAllowed),
      substitution:
        allowed === undefined
          ? undefined
          : compact({ allowedBoolean: allowed, reason: fromConcept(substitution.reason) }),
      note: noteText(f.note),
    });
  },
  mainDate: (p) => str(p.authoredOn),
};
