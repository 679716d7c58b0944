import type {
  AuditEvent,
  Coverage,
  ListPage,
  LocationRecord,
  SpecimenCreate,
  Task,
} from '@clinikapi/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useCreateResource,
  type useResource,
  useResourceList,
  useUpdateResource,
} from './useResourceQueries.js';

// The generic hooks for the paths written from ClinikAPI's OpenAPI document: typed from core's
// schemas and the registry's search parameters. These fail `tsc -b` if the typing is lost.
describe('generic hooks on the documented paths', () => {
  it('return the records of the path', () => {
    type Data<T extends { data: unknown }> = NonNullable<T['data']>;
    expectTypeOf<Data<ReturnType<typeof useResource<'tasks'>>>>().toEqualTypeOf<Task>();
    expectTypeOf<
      Data<ReturnType<typeof useResource<'locations'>>>
    >().toEqualTypeOf<LocationRecord>();
    expectTypeOf<Data<ReturnType<typeof useResourceList<'coverages'>>>>().toEqualTypeOf<
      ListPage<Coverage>
    >();
    expectTypeOf<
      Parameters<ReturnType<typeof useCreateResource<'specimens'>>['mutateAsync']>[0]
    >().toEqualTypeOf<SpecimenCreate>();
    expectTypeOf<
      Awaited<ReturnType<ReturnType<typeof useCreateResource<'audit-events'>>['mutateAsync']>>
    >().toEqualTypeOf<AuditEvent>();
  });

  it('accept the search parameters the registry lists, and nothing else', () => {
    useResourceList('tasks', {
      patientId: 'p1',
      ownerId: 'pr1',
      priority: 'urgent',
      sort: '-date',
    });
    useResourceList('enrollment-requests', { candidateId: 'p1', count: 50 });
    useResourceList('organizations', { name: 'lake', active: true });
    // @ts-expect-error tasks are not searched by payor
    useResourceList('tasks', { payorId: 'org-1' });
    // @ts-expect-error `sort` is `date` or `-date`
    useResourceList('locations', { sort: 'name' });
    // @ts-expect-error `active` is a boolean
    useResourceList('persons', { active: 'yes' });
  });

  it('check bodies, and refuse updates where the API has no PATCH', () => {
    useUpdateResource('tasks').mutate({ id: 't1', patch: { status: 'completed' } });
    // @ts-expect-error not a task status
    useUpdateResource('tasks').mutate({ id: 't1', patch: { status: 'done' } });
    // @ts-expect-error audit events are immutable (no PATCH in the API)
    useUpdateResource('audit-events').mutate({ id: 'a1', patch: { outcome: '0' } });
    // @ts-expect-error a coverage needs its payors
    useCreateResource('coverages').mutate({ status: 'active', patientId: 'p1' });
  });
});
