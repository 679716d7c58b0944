import type { ResourcePath } from './registry.js';

/**
 * Every registered REST path, in the registry's order: all the fetch client and `isResourcePath`
 * need, without the registry's definitions (FHIR types, events, search parameters, ownership), so a
 * browser page that only makes requests does not carry them. `satisfies` rejects a path the
 * registry lacks; registry.test.ts checks that none is missing.
 */
export const RESOURCE_PATHS = [
  'patients',
  'practitioners',
  'practitioner-roles',
  'encounters',
  'observations',
  'medications',
  'prescriptions',
  'appointments',
  'intakes',
  'consents',
  'labs',
  'notes',
  'assessments',
  'documents',
  'slots',
  'schedules',
  'conditions',
  'allergies',
  'immunizations',
  'care-plans',
  'goals',
  'appointment-responses',
  'tasks',
  'organizations',
  'accounts',
  'healthcare-services',
  'service-requests',
  'locations',
  'persons',
  'family-history',
  'claims',
  'claim-responses',
  'care-teams',
  'charge-items',
  'coverages',
  'eligibility-requests',
  'eligibility-responses',
  'eobs',
  'devices',
  'device-requests',
  'device-use-statements',
  'invoices',
  'medication-dispenses',
  'medication-knowledge',
  'medication-statements',
  'payment-notices',
  'payment-reconciliations',
  'specimens',
  'imaging-studies',
  'enrollment-requests',
  'enrollment-responses',
  'immunization-evaluations',
  'media',
  'activity-definitions',
  'nutrition-orders',
  'plan-definitions',
  'vision-prescriptions',
  'risk-assessments',
  'audit-events',
  'measures',
  'measure-reports',
  'immunization-recommendations',
] as const satisfies readonly ResourcePath[];

const known = new Set<string>(RESOURCE_PATHS);

/** True when `path` is a registered REST path. */
export function isResourcePath(path: string): path is ResourcePath {
  return known.has(path);
}

/** `care-plans` -> `carePlans`: the property name of a resource on the typed client. */
export function camelCasePath<P extends string>(path: P): CamelCase<P> {
  return path.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as CamelCase<P>;
}

export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
