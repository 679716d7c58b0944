import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  fromConcept,
  idFromRef,
  notesOf,
  noteText,
  ref,
  str,
  systemCode,
  systemConcept,
  textConcept,
  textOf,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';

/** Condition.severity's preferred SNOMED CT codes (FHIR R4 condition-severity value set). */
const SEVERITY_CODES: Record<string, string> = {
  severe: '24484000',
  moderate: '6736007',
  mild: '255604002',
};

/** `severe` -> SNOMED CT 24484000 with the word as text (`textOf` reads the word back). */
function severityConcept(severity: unknown) {
  const concept = textConcept(severity);
  const code = typeof severity === 'string' ? SEVERITY_CODES[severity] : undefined;
  if (!concept || !code) return concept;
  return {
    coding: [
      {
        system: 'http://snomed.info/sct',
        code,
        display: (severity as string).replace(/^./, (c) => c.toUpperCase()),
      },
    ],
    text: concept.text,
  };
}

export const conditionAdapter: ResourceAdapter = {
  definition: definitionOf('conditions'),
  schemas: RESOURCE_SCHEMAS.conditions,
  toFhir: (c, id) => {
    // FHIR R4 con-5: an entered-in-error record carries no clinical status, and then (con-4) no
    // abatement either; the version before the correction keeps both.
    const erroneous = c.verificationStatus === 'entered-in-error';
    return compact({
      resourceType: 'Condition',
      id,
      clinicalStatus: erroneous
        ? undefined
        : systemConcept(`${TERMINOLOGY}/condition-clinical`, c.clinicalStatus),
      verificationStatus: systemConcept(
        `${TERMINOLOGY}/condition-ver-status`,
        c.verificationStatus,
      ),
      category: c.category
        ? [systemConcept(`${TERMINOLOGY}/condition-category`, c.category)]
        : undefined,
      severity: severityConcept(c.severity),
      code: toConcept(c.code),
      subject: ref('Patient', str(c.patientId)),
      encounter: ref('Encounter', str(c.encounterId)),
      onsetDateTime: c.onsetDateTime,
      abatementDateTime: erroneous ? undefined : c.abatementDateTime,
      recordedDate: c.recordedDate,
      note: notesOf(c.note),
    }) as FhirResource;
  },
  fromFhir: (f) =>
    compact({
      code: fromConcept(f.code),
      patientId: idFromRef(f.subject, 'Patient'),
      clinicalStatus: systemCode(f.clinicalStatus),
      verificationStatus: systemCode(f.verificationStatus),
      category: systemCode(asArray(f.category)[0]),
      severity: textOf(f.severity),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      onsetDateTime: str(f.onsetDateTime),
      abatementDateTime: str(f.abatementDateTime),
      recordedDate: str(f.recordedDate),
      note: noteText(f.note),
    }),
  statusOf: (c) => str(c.clinicalStatus),
  mainDate: (c) => str(c.onsetDateTime) ?? str(c.recordedDate),
};
