import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  fromConcept,
  idFromRef,
  isPlainObject,
  ref,
  str,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

export const noteAdapter: ResourceAdapter = {
  definition: definitionOf('notes'),
  schemas: RESOURCE_SCHEMAS.notes,
  toFhir: (n, id) =>
    compact({
      resourceType: 'DocumentReference',
      id,
      status: n.status,
      docStatus: n.docStatus,
      type: toConcept(n.type),
      subject: ref('Patient', str(n.patientId)),
      date: n.date,
      author: n.authorId ? [ref('Practitioner', str(n.authorId))] : undefined,
      description: n.title,
      // The note text travels as a base64 plain-text attachment, as FHIR requires.
      content: [
        {
          attachment: {
            contentType: 'text/plain; charset=utf-8',
            data: Buffer.from(String(n.content), 'utf8').toString('base64'),
          },
        },
      ],
      context: n.encounterId ? { encounter: [ref('Encounter', str(n.encounterId))] } : undefined,
    }) as FhirResource,
  fromFhir: (f) => {
    const attachment = asArray(f.content).filter(isPlainObject)[0]?.attachment;
    const data = isPlainObject(attachment) ? str(attachment.data) : undefined;
    const context = isPlainObject(f.context) ? f.context : {};
    return compact({
      status: str(f.status),
      patientId: idFromRef(f.subject, 'Patient'),
      authorId: idFromRef(asArray(f.author)[0], 'Practitioner'),
      encounterId: idFromRef(asArray(context.encounter)[0], 'Encounter'),
      type: fromConcept(f.type),
      title: str(f.description),
      content: data === undefined ? undefined : Buffer.from(data, 'base64').toString('utf8'),
      docStatus: str(f.docStatus),
      date: str(f.date),
    });
  },
  mainDate: (n) => str(n.date),
};
