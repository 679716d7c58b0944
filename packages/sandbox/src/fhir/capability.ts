import type { AdapterRegistry } from '../engine/adapters/index.js';

/** Search parameter types for the CapabilityStatement. */
const PARAM_TYPES: Record<string, string> = {
  name: 'string',
  email: 'token',
  phone: 'token',
  gender: 'token',
  birthDate: 'date',
  active: 'token',
  specialty: 'token',
  npi: 'token',
  patientId: 'reference',
  practitionerId: 'reference',
  scheduleId: 'reference',
  slotId: 'reference',
  status: 'token',
  dateFrom: 'date',
  dateTo: 'date',
  sort: 'special',
};

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
          interaction: ['read', 'update', 'patch', 'delete', 'create', 'search-type'].map(
            (code) => ({
              code,
            }),
          ),
          versioning: 'versioned',
          readHistory: false,
          updateCreate: true,
          searchParam: adapter.definition.searchParams.map((name) => ({
            name,
            type: PARAM_TYPES[name] ?? 'token',
            documentation: `Simplified API: GET /v1/${adapter.definition.path}?${name}=...`,
          })),
        })),
      },
    ],
  };
}
