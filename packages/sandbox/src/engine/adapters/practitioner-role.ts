import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  bool,
  compact,
  idFromRef,
  idsFromRefs,
  plain,
  ref,
  refs,
  str,
  textConcepts,
  textsOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';
import { fromTelecom, telecomOf } from './people.js';

export const practitionerRoleAdapter: ResourceAdapter = {
  definition: definitionOf('practitioner-roles'),
  schemas: RESOURCE_SCHEMAS['practitioner-roles'],
  toFhir: (r, id) =>
    compact({
      resourceType: 'PractitionerRole',
      id,
      active: r.active,
      period: plain(r.period),
      practitioner: ref('Practitioner', str(r.practitionerId)),
      organization: ref('Organization', str(r.organizationId)),
      code: textConcepts(r.role === undefined ? undefined : [r.role]),
      specialty: textConcepts(r.specialty),
      location: refs('Location', r.locationIds),
      telecom: telecomOf(r.email, r.phone),
    }) as FhirResource,
  fromFhir: (f) =>
    compact({
      practitionerId: idFromRef(f.practitioner, 'Practitioner'),
      organizationId: idFromRef(f.organization, 'Organization'),
      locationIds: idsFromRefs(f.location, 'Location'),
      role: textsOf(f.code)?.[0],
      specialty: textsOf(f.specialty),
      active: bool(f.active),
      period: plain(f.period),
      ...fromTelecom(f.telecom),
    }),
  mainDate: (r) => str((r.period as { start?: unknown } | undefined)?.start),
  searchValues: (r) => ({ practitionerId: str(r.practitionerId) }),
};
