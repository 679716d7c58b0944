import { describe, expect, it } from 'vitest';
import { planNarrowing, recordMatches } from './narrowing.js';
import type { ProxyRoute } from './types.js';

const route = (resource: string, id?: string): ProxyRoute => ({
  kind: 'resource',
  resource,
  id,
  template: id ? `/v1/${resource}/:id` : `/v1/${resource}`,
  path: id ? `/v1/${resource}/${id}` : `/v1/${resource}`,
});
const portal = { patientId: 'pat_a' };

describe('patient narrowing by the registry ownership', () => {
  it.each(['coverages', 'tasks', 'specimens'])(
    "forces %s searches to the patient and checks each record's patientId",
    (path) => {
      expect(planNarrowing(portal, route(path), 'GET')).toEqual({
        kind: 'force-query',
        query: { patientId: 'pat_a' },
      });
      const plan = planNarrowing(portal, route(path, 'x1'), 'GET');
      expect(plan).toEqual({
        kind: 'check-record',
        constraints: { patientId: 'pat_a' },
        checkBody: false,
      });
      if (plan.kind !== 'check-record') throw new Error('unreachable');
      // Another patient's record fails the check (the proxy answers 404).
      expect(recordMatches({ id: 'x1', patientId: 'pat_b' }, plan.constraints, route(path))).toBe(
        false,
      );
      expect(recordMatches({ id: 'x1' }, plan.constraints, route(path))).toBe(false);
    },
  );

  it('binds the owner field a resource names its patient by', () => {
    expect(planNarrowing(portal, route('enrollment-requests'), 'GET')).toEqual({
      kind: 'force-query',
      query: { candidateId: 'pat_a' },
    });
    expect(planNarrowing(portal, route('appointment-responses'), 'POST')).toEqual({
      kind: 'check-body',
      constraints: { actorId: 'pat_a' },
    });
  });

  it('leaves shared data readable but never writable, and refuses internal data', () => {
    expect(planNarrowing(portal, route('locations'), 'GET')).toEqual({ kind: 'none' });
    expect(planNarrowing(portal, route('organizations', 'o1'), 'GET')).toEqual({ kind: 'none' });
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      expect(planNarrowing(portal, route('locations', 'l1'), method)).toEqual({ kind: 'deny' });
    }
    for (const path of ['audit-events', 'persons', 'payment-notices', 'enrollment-responses']) {
      expect(planNarrowing(portal, route(path), 'GET')).toEqual({ kind: 'deny' });
      expect(planNarrowing(portal, route(path, 'r1'), 'GET')).toEqual({ kind: 'deny' });
    }
    // Staff narrowings without a patient are untouched by ownership.
    expect(planNarrowing({}, route('audit-events'), 'GET')).toEqual({ kind: 'none' });
  });
});
