import { getResource, patientFieldOf } from '@clinikapi/core';
import type { AuthorizeNarrowing, ProxyRoute } from './types.js';

/**
 * Field constraints a narrowed request must respect, derived from `authorize`'s answer: every
 * forced query parameter also binds the record field of the same name, so single-record reads
 * and writes are held to the same limits as searches.
 */
export type Constraints = Record<string, string>;

export type NarrowingPlan =
  | { kind: 'deny' }
  /** Nothing to enforce on this route. */
  | { kind: 'none' }
  /** A search: these values replace the client's query parameters. */
  | { kind: 'force-query'; query: Record<string, string> }
  /** A record read, update or delete: the stored record must match (else 404). */
  | { kind: 'check-record'; constraints: Constraints; checkBody: boolean }
  /** A create: the body must carry these values (else 403). */
  | { kind: 'check-body'; constraints: Constraints };

/**
 * Collects the constraints a route must respect. A `patientId` narrowing follows the registry's
 * ownership: it binds the resource's owner field (`patientId`, or e.g. `candidateId` on
 * enrollment requests), is dropped on shared reference data (practitioners, locations), and
 * denies internal data (audit events, payments) outright.
 */
export function constraintsFor(
  narrowing: AuthorizeNarrowing,
  route: ProxyRoute,
): Constraints | 'deny' {
  const all: Constraints = { ...narrowing.query };
  if (narrowing.patientId !== undefined) all.patientId = narrowing.patientId;
  if (Object.keys(all).length === 0) return {};
  // FHIR passthrough and bulk cannot be filtered reliably by the proxy.
  if (route.kind !== 'resource') return 'deny';
  const definition = getResource(route.resource);
  if (!definition) return 'deny';
  const applicable: Constraints = {};
  for (const [key, value] of Object.entries(all)) {
    if (key !== 'patientId' || definition.ownership === 'self') {
      applicable[key] = value;
      continue;
    }
    if (definition.ownership === 'shared') continue;
    const field = patientFieldOf(definition);
    if (field === undefined) return 'deny';
    applicable[field] = value;
  }
  return applicable;
}

export function planNarrowing(
  narrowing: AuthorizeNarrowing,
  route: ProxyRoute,
  method: string,
): NarrowingPlan {
  // Shared reference data is readable by a user narrowed to one patient, never writable.
  const shared = getResource(route.resource)?.ownership === 'shared';
  if (narrowing.patientId !== undefined && method !== 'GET' && shared) return { kind: 'deny' };
  const constraints = constraintsFor(narrowing, route);
  if (constraints === 'deny') return { kind: 'deny' };
  if (Object.keys(constraints).length === 0) return { kind: 'none' };
  const definition = getResource(route.resource);
  if (!definition) return { kind: 'deny' };

  if (route.id === undefined && method === 'GET') {
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(constraints)) {
      // A constraint the search cannot express would widen the result: refuse instead.
      if (!definition.searchParams.includes(key)) return { kind: 'deny' };
      query[key] = value;
    }
    return { kind: 'force-query', query };
  }
  if (route.id === undefined) {
    if (definition.ownership === 'self' && constraints.patientId !== undefined)
      return { kind: 'deny' };
    return { kind: 'check-body', constraints };
  }
  return { kind: 'check-record', constraints, checkBody: method === 'PATCH' };
}

/**
 * True when a stored record (or the patient itself, for `ownership: 'self'`) satisfies the
 * constraints. For patients, `patientId` is the record's own id.
 */
export function recordMatches(
  record: unknown,
  constraints: Constraints,
  route: ProxyRoute,
): boolean {
  if (record === null || typeof record !== 'object') return false;
  const fields = record as Record<string, unknown>;
  const self = getResource(route.resource)?.ownership === 'self';
  for (const [key, value] of Object.entries(constraints)) {
    const actual = self && key === 'patientId' ? fields.id : fields[key];
    if (actual !== value) return false;
  }
  return true;
}

/**
 * For creates: every constraint must be present with the same value. For updates: a constraint
 * field may be absent (unchanged) but never set to another value.
 */
export function bodyRespects(
  body: unknown,
  constraints: Constraints,
  mode: 'create' | 'update',
): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const fields = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(constraints)) {
    if (!Object.hasOwn(fields, key)) {
      if (mode === 'create') return false;
      continue;
    }
    if (fields[key] !== value) return false;
  }
  return true;
}

/** Patients are their own owners: a `patientId` constraint on a patient record is the id itself. */
export function selfOwnedMismatch(constraints: Constraints, route: ProxyRoute): boolean {
  if (getResource(route.resource)?.ownership !== 'self' || route.id === undefined) return false;
  return constraints.patientId !== undefined && constraints.patientId !== route.id;
}
