import type {
  ClinikApiError,
  ListPage,
  Patient,
  Practitioner,
  ResourceTypes,
} from '@clinikapi/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useCreatePatient,
  usePatient,
  usePatients,
  useUpdatePatient,
} from '../patients/usePatients.js';
import { clinikQueries } from './clinikQueries.js';
import { useCreateResource, useResource, useResourceList } from './useResourceQueries.js';

// Types are part of the product: these fail `tsc -b` if the hooks lose their typing.
describe('hook types', () => {
  it('patient hooks return typed records and pages', () => {
    expectTypeOf(usePatients)
      .returns.toHaveProperty('data')
      .toEqualTypeOf<ListPage<Patient> | undefined>();
    expectTypeOf(usePatient).returns.toHaveProperty('data').toEqualTypeOf<Patient | undefined>();
    expectTypeOf(useCreatePatient)
      .returns.toHaveProperty('mutateAsync')
      .returns.resolves.toEqualTypeOf<Patient>();
  });

  it('search params are checked against the registry', () => {
    // @ts-expect-error `specialty` filters practitioners, not patients
    usePatients({ specialty: 'cardiology' });
    // @ts-expect-error a patch must be a partial patient
    useUpdatePatient().mutate({ id: 'p1', patch: { firstName: 42 } });
  });

  it('generic hooks follow the resource path', () => {
    expectTypeOf(useResource<'practitioners'>)
      .returns.toHaveProperty('data')
      .toEqualTypeOf<Practitioner | undefined>();
    type CarePlanPage = NonNullable<ReturnType<typeof useResourceList<'care-plans'>>['data']>;
    // (expectTypeOf trips over index signatures of generic records: assignability both ways.)
    const asRegistry: ListPage<ResourceTypes<'care-plans'>['record']> = {} as CarePlanPage;
    const asCarePlans: CarePlanPage = asRegistry;
    expectTypeOf(asCarePlans).not.toBeAny();
    expectTypeOf(useCreateResource<'patients'>)
      .returns.toHaveProperty('error')
      .toEqualTypeOf<Error | null>();
    // @ts-expect-error not a registered path
    useResourceList('not-a-resource');
  });

  it('query options carry the data type into the cache', () => {
    expectTypeOf(clinikQueries.patients.detail('p1').queryKey).toMatchTypeOf<readonly unknown[]>();
    expectTypeOf<ClinikApiError>().toMatchTypeOf<Error>();
  });
});
