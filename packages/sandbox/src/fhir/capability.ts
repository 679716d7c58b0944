import type { ResourceAdapter } from '../engine/adapter.js';
import type { AdapterRegistry } from '../engine/adapters/index.js';

/** FHIR search parameter types of the simplified parameters that are not tokens. */
const PARAM_TYPES: Record<string, string> = {
  name: 'string',
  title: 'string',
  address: 'string',
  birthDate: 'date',
  dateFrom: 'date',
  dateTo: 'date',
  sort: 'special',
};

/** `patientId`, `ownerId`, `measureId`...: references to another record; codes are tokens. */
const paramType = (name: string) =>
  PARAM_TYPES[name] ?? (name.endsWith('Id') ? 'reference' : 'token');

/** FHIR interactions per resource: types the API keeps immutable (no PATCH) take no update. */
const interactionsOf = (adapter: ResourceAdapter) =>
  (adapter.definition.itemMethods.includes('PATCH')
    ? ['read', 'update', 'patch', 'delete', 'create', 'search-type']
    : ['read', 'delete', 'create', 'search-type']
  ).map((code) => ({ code }));

/** A FHIR R4 CapabilityStatement describing what this sandbox serves. */
export function capabilityStatement(adapters: AdapterRegistry, version: string) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    publisher: 'ClinikAPI sandbox',
    kind: 'instance',
    software: { name: '@clinikapi/sandbox', version },
    implementation: { description: 'Local ClinikAPI-compatible data API' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'application/json'],
    rest: [
      {
        mode: 'server',
        security: {
          description: 'Send an API key (clk_test_... or clk_live_...) in the x-api-key header.',
        },
        resource: adapters.all().map((adapter) => ({
          type: adapter.definition.fhirType,
          interaction: interactionsOf(adapter),
          versioning: 'versioned',
          readHistory: false,
          updateCreate: true,
          searchParam: adapter.definition.searchParams.map((name) => ({
            name,
            type: paramType(name),
            documentation: `Simplified API: GET /v1/${adapter.definition.path}?${name}=...`,
          })),
        })),
      },
    ],
  };
}
