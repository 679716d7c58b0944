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

const XHTML_OPEN = '<div xmlns="http://www.w3.org/1999/xhtml">';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Section text as the XHTML narrative FHIR requires, and back. */
const narrative = (text: string) => ({
  status: 'generated',
  div: `${XHTML_OPEN}${escapeXml(text)}</div>`,
});
function narrativeText(value: unknown): string | undefined {
  if (!isPlainObject(value) || typeof value.div !== 'string') return undefined;
  const inner = value.div.replace(/^<div[^>]*>/, '').replace(/<\/div>$/, '');
  return unescapeXml(inner);
}

export const documentAdapter: ResourceAdapter = {
  definition: definitionOf('documents'),
  schemas: RESOURCE_SCHEMAS.documents,
  toFhir: (d, id) =>
    compact({
      resourceType: 'Composition',
      id,
      status: d.status,
      type: toConcept(d.type),
      subject: ref('Patient', str(d.patientId)),
      encounter: ref('Encounter', str(d.encounterId)),
      date: d.date,
      // R4 requires an author; without an id the reference carries a display only.
      author: [d.authorId ? ref('Practitioner', str(d.authorId)) : { display: 'Unknown author' }],
      title: d.title,
      section: asArray(d.sections)
        .filter(isPlainObject)
        .map((s) => compact({ title: s.title, text: narrative(String(s.text)) })),
    }) as FhirResource,
  fromFhir: (f) =>
    compact({
      status: str(f.status),
      type: fromConcept(f.type),
      title: str(f.title),
      patientId: idFromRef(f.subject, 'Patient'),
      authorId: idFromRef(asArray(f.author)[0], 'Practitioner'),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      date: str(f.date),
      sections: asArray(f.section)
        .filter(isPlainObject)
        .map((s) => compact({ title: str(s.title), text: narrativeText(s.text) })),
    }),
  mainDate: (d) => str(d.date),
};
