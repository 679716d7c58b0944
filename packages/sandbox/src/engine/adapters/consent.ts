import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  idFromRef,
  isPlainObject,
  plain,
  ref,
  str,
  systemCode,
  systemConcept,
  textOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

const SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
/** R4 requires a category; LOINC 59284-0 "Consent Document" is used when none is given. */
const DEFAULT_CATEGORY = {
  coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Consent Document' }],
};
/** R4 requires a policy or a policy rule (ppc-1); opt-in is assumed when no policy URI is given. */
const DEFAULT_POLICY_RULE = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }],
};

export const consentAdapter: ResourceAdapter = {
  definition: definitionOf('consents'),
  schemas: RESOURCE_SCHEMAS.consents,
  toFhir: (c, id) =>
    compact({
      resourceType: 'Consent',
      id,
      status: c.status,
      scope: systemConcept(SCOPE_SYSTEM, c.scope),
      category: [c.category ? { text: c.category } : DEFAULT_CATEGORY],
      patient: ref('Patient', str(c.patientId)),
      dateTime: c.dateTime,
      performer: c.performerId ? [ref('Patient', str(c.performerId))] : undefined,
      policy: c.policyUri ? [{ uri: c.policyUri }] : undefined,
      policyRule: c.policyUri ? undefined : DEFAULT_POLICY_RULE,
      provision:
        c.decision || c.period ? compact({ type: c.decision, period: plain(c.period) }) : undefined,
    }) as FhirResource,
  fromFhir: (f) => {
    const category = asArray(f.category).filter(isPlainObject)[0];
    const provision = isPlainObject(f.provision) ? f.provision : {};
    return compact({
      status: str(f.status),
      scope: systemCode(f.scope),
      patientId: idFromRef(f.patient, 'Patient'),
      category: typeof category?.text === 'string' ? textOf(category) : undefined,
      dateTime: str(f.dateTime),
      performerId: idFromRef(asArray(f.performer)[0], 'Patient'),
      policyUri: str(asArray(f.policy).filter(isPlainObject)[0]?.uri),
      decision: str(provision.type),
      period: plain(provision.period),
    });
  },
  mainDate: (c) => str(c.dateTime),
};
