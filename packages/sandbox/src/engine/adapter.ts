import type { ResourceDefinition, ResourceSchemas } from '@clinikapi/core';
import type { FhirResource } from './fhir-types.js';
import type { WriteContext } from './write-context.js';

/** A simplified record without the server-managed `id`, `createdAt`, `updatedAt`. */
export type Simplified = Record<string, unknown>;

/** Values a record is found by, beyond the generic columns. Arrays match when they contain the query value. */
export type SearchValues = Record<string, string | readonly string[] | undefined>;

/**
 * Everything the generic engine needs to serve one resource path: the registry entry, schemas,
 * the simplified<->FHIR converters (the single place per type), and how it is searched.
 */
export interface ResourceAdapter {
  readonly definition: ResourceDefinition;
  readonly schemas: ResourceSchemas;
  toFhir(record: Simplified, id: string): FhirResource;
  fromFhir(resource: FhirResource): Simplified;
  /**
   * Server defaults for FHIR-required elements the API leaves optional (e.g. a claim's `created`
   * is the time of the write): filled into a validated simplified record before it is stored.
   */
  defaults?(record: Simplified): Simplified;
  /** Extra response fields computed from the record (e.g. `fullName`, default `active`). */
  present?(record: Simplified): Simplified;
  /** The main date used by `dateFrom`, `dateTo` and `sort`. */
  mainDate?(record: Simplified): string | undefined;
  /** Value the `status` search parameter matches. Defaults to the record's `status`. */
  statusOf?(record: Simplified): string | undefined;
  /** Text the partial `name` search matches (folded by the engine: `search-text.ts`). */
  nameText?(record: Simplified): string | undefined;
  /** Exact-match search values by query parameter name (compared lower-cased). */
  searchValues?(record: Simplified, ctx: WriteContext): SearchValues | Promise<SearchValues>;
  /** Runs inside the write transaction, before the row is stored (booking integrity lives here). */
  beforeWrite?(
    ctx: WriteContext,
    change: { id: string; previous?: Simplified; next?: Simplified },
  ): Promise<void>;
}
