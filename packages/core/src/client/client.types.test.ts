// Type-level tests: enforced by `tsc -b` (part of npm test); the runtime part only keeps vitest happy.
import { describe, expectTypeOf, it } from 'vitest';
import type { ListPage } from '../envelope.js';
import type { Appointment } from '../schemas/appointment.js';
import type { CarePlan } from '../schemas/care-plan.js';
import type { GenericRecord, ResourceTypes } from '../schemas/index.js';
import type { Patient } from '../schemas/patient.js';
import { type ClinikClient, createClinikClient } from './client.js';

describe('client types', () => {
  it('types each resource by its path', () => {
    const client: ClinikClient = createClinikClient({ baseUrl: '/api/clinik' });
    expectTypeOf(client.patients.read).returns.resolves.toEqualTypeOf<Patient>();
    expectTypeOf(client.appointments.search).returns.resolves.toEqualTypeOf<
      ListPage<Appointment>
    >();
    expectTypeOf(client.resource('patients').path).toEqualTypeOf<'patients'>();
    expectTypeOf(client.patients.create).parameter(0).toHaveProperty('firstName');
    // Never called: these lines only have to fail type-checking.
    const _wrongUses = () => {
      // @ts-expect-error: patients search has no patientId parameter
      void client.patients.search({ patientId: 'p1' });
      // @ts-expect-error: unknown resource paths do not type-check
      void client.resource('admin');
    };
  });

  it('types the clinical resources and falls back to generic records for unknown paths', () => {
    const client = createClinikClient({ baseUrl: '/api/clinik' });
    expectTypeOf(client.carePlans.read).returns.resolves.toEqualTypeOf<CarePlan>();
    expectTypeOf<ResourceTypes<'not-a-path'>['record']>().toEqualTypeOf<GenericRecord>();
  });
});
