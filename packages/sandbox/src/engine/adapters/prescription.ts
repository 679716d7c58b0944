import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
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

export const prescriptionAdapter: ResourceAdapter = {
  definition: definitionOf('prescriptions'),
  schemas: RESOURCE_SCHEMAS.prescriptions,
  toFhir: (p, id) =>
    compact({
      resourceType: 'MedicationRequest',
      id,
      status: p.status,
      intent: p.intent ?? 'order',
      medicationCodeableConcept: toConcept(p.medication),
      subject: ref('Patient', str(p.patientId)),
      encounter: ref('Encounter', str(p.encounterId)),
      authoredOn: p.authoredOn,
      requester: ref('Practitioner', str(p.practitionerId)),
      note: notesOf(p.note),
      dosageInstruction: p.dosageInstruction ? [{ text: p.dosageInstruction }] : undefined,
      dispenseRequest:
        p.quantity !== undefined || p.refills !== undefined
          ? compact({ numberOfRepeatsAllowed: p.refills, quantity: plain(p.quantity) })
          : undefined,
    }) as FhirResource,
  fromFhir: (f) => {
    const dispense = isPlainObject(f.dispenseRequest) ? f.dispenseRequest : {};
    return compact({
      status: str(f.status),
      intent: str(f.intent),
      medication: fromConcept(f.medicationCodeableConcept),
      patientId: idFromRef(f.subject, 'Patient'),
      practitionerId: idFromRef(f.requester, 'Practitioner'),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      authoredOn: str(f.authoredOn),
      dosageInstruction: str(asArray(f.dosageInstruction).filter(isPlainObject)[0]?.text),
      quantity: plain(dispense.quantity),
      refills: num(dispense.numberOfRepeatsAllowed),
      note: noteText(f.note),
    });
  },
  mainDate: (p) => str(p.authoredOn),
};
