import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createChartFake } from '../../test/chartFake.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { adultPatient, storedVital, VITALS_NOW } from '../test/vitalsFixtures.js';
import { VitalEditForm } from './VitalEditForm.js';

// An API that sends no ETag (as the contract allows): the edit is checked against `updatedAt`
// with a fresh read before writing, and a newer one stops the write.

describe('VitalEditForm editing against an API without ETags', () => {
  it('compares updatedAt with a fresh read and writes nothing when a colleague saved first', async () => {
    const reading = storedVital('heartRate', { heartRate: 72 }, '2026-06-15T09:30:00-04:00');
    const api = createChartFake({ patients: [adultPatient], observations: [reading] });
    const { user } = renderWithClient(
      <VitalEditForm patientId={adultPatient.id} observationId={reading.id} />,
      {
        baseUrl: 'http://fake.test/api/clinik',
        timeZone: 'America/New_York',
        locale: 'en-US',
        now: () => VITALS_NOW,
        clientOptions: { fetch: api.fetch },
      },
    );
    const input = () => screen.getByLabelText<HTMLInputElement>('Heart rate');
    await waitFor(() => expect(input().value).toBe('72'));
    // A colleague corrects it meanwhile.
    api.records.observations?.splice(0, 1, {
      ...reading,
      status: 'corrected',
      valueQuantity: {
        ...(reading.valueQuantity as NonNullable<typeof reading.valueQuantity>),
        value: 80,
      },
      updatedAt: '2026-06-15T13:59:00.000Z',
    });
    await user.clear(input());
    await user.type(input(), '90');
    await user.click(screen.getByRole('button', { name: 'Save change' }));
    const list = await screen.findByRole('region', { name: 'Changed by someone else too' });
    expect(list.textContent).toContain('Stored now: 80');
    expect(api.writes).toEqual([]);

    // Saving again applies the user's value onto the latest version.
    await user.click(screen.getByRole('button', { name: 'Save change' }));
    await screen.findByText('Reading saved.');
    expect(api.writes.map((w) => w.body)).toEqual([
      {
        valueQuantity: {
          value: 90,
          unit: 'beats/minute',
          system: 'http://unitsofmeasure.org',
          code: '/min',
        },
        interpretation: {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
          code: 'N',
          display: 'Normal',
        },
      },
    ]);
    expect(within(document.body).getByLabelText<HTMLInputElement>('Heart rate').value).toBe('90');
  });
});
