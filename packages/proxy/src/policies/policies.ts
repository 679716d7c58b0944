import type { AuthorizeContext, AuthorizeResult } from '../types.js';

type Policy<User> = (context: AuthorizeContext<User>) => AuthorizeResult;

/** Everything the API key can do, on every route the proxy has enabled. For clinic staff. */
export function staff<User = unknown>(): Policy<User> {
  return function staffPolicy() {
    return true;
  };
}

/** Reads only (GET): searches and single records. Writes answer 403. */
export function readOnly<User = unknown>(): Policy<User> {
  return function readOnlyPolicy({ method }) {
    return method === 'GET';
  };
}

export interface PatientPortalOptions<User> {
  /** The patient record id of a signed-in user, or `null`/`undefined` when they have none (403). */
  patientIdOf: (user: User) => string | null | undefined;
  /**
   * Resource paths the patient may create and update (their own records only), e.g.
   * `['appointments']`. Defaults to none: the portal is read-only.
   */
  writable?: readonly string[];
}

/**
 * A patient sees only their own data: searches of patient-owned resources get the patient forced
 * (through the core registry's owner field), single records of another patient answer 404, and
 * shared reference data (practitioners, schedules, slots, locations, organizations, catalogs) is
 * readable but never writable. Internal data (audit events, payments), FHIR passthrough and bulk
 * are refused.
 */
export function patientPortal<User>(options: PatientPortalOptions<User>): Policy<User> {
  if (typeof options?.patientIdOf !== 'function') {
    throw new TypeError('patientPortal: patientIdOf must be a function');
  }
  const writable = new Set(options.writable ?? []);
  return function patientPortalPolicy({ user, method, route }) {
    const patientId = options.patientIdOf(user);
    if (!patientId || route.kind !== 'resource') return false;
    if (method === 'DELETE') return false;
    if (method !== 'GET' && !writable.has(route.resource)) return false;
    return { patientId };
  };
}
