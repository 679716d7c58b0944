import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter, Simplified } from '../adapter.js';
import { asArray, compact, idFromRef, isPlainObject, ref, str } from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

function answerToFhir(answer: unknown) {
  if (typeof answer === 'string') return [{ valueString: answer }];
  if (typeof answer === 'boolean') return [{ valueBoolean: answer }];
  if (typeof answer === 'number') {
    return [Number.isInteger(answer) ? { valueInteger: answer } : { valueDecimal: answer }];
  }
  return undefined;
}

function answerFromFhir(answers: unknown): unknown {
  const answer = asArray(answers).filter(isPlainObject)[0];
  if (!answer) return undefined;
  return answer.valueString ?? answer.valueBoolean ?? answer.valueInteger ?? answer.valueDecimal;
}

export const intakeAdapter: ResourceAdapter = {
  definition: definitionOf('intakes'),
  schemas: RESOURCE_SCHEMAS.intakes,
  toFhir: (q, id) =>
    compact({
      resourceType: 'QuestionnaireResponse',
      id,
      questionnaire: q.questionnaire,
      status: q.status,
      subject: ref('Patient', str(q.patientId)),
      encounter: ref('Encounter', str(q.encounterId)),
      authored: q.authored,
      item: asArray(q.items)
        .filter(isPlainObject)
        .map((i: Simplified) =>
          compact({ linkId: i.linkId, text: i.text, answer: answerToFhir(i.answer) }),
        ),
    }) as FhirResource,
  fromFhir: (f) =>
    compact({
      status: str(f.status),
      patientId: idFromRef(f.subject, 'Patient'),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      questionnaire: str(f.questionnaire),
      authored: str(f.authored),
      items: asArray(f.item)
        .filter(isPlainObject)
        .map((i) =>
          compact({ linkId: str(i.linkId), text: str(i.text), answer: answerFromFhir(i.answer) }),
        ),
    }),
  mainDate: (q) => str(q.authored),
};
