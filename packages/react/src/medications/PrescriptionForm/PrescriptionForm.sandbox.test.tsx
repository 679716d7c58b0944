import { etagOf, type Prescription } from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { chartSettings, colleague, newPatient } from '../../test/sandboxChart.js';
import { AMLODIPINE_5, prescribe, RXNORM, SNOMED, UCUM } from '../test/sandboxChart.js';
import { PrescriptionForm } from './PrescriptionForm.js';

// What the prescription form sends is accepted and stored by the real sandbox behind the real
// proxy with its clinical coding (RxNorm, UCUM, SNOMED CT route, FHIR Timing), read back by a
// colleague; edits go onto the version the user read, and a colleague's save is never overwritten.
// The practice is in New York; "now" is 2026-06-15 14:00 UTC (10:00 EDT).

function render(ui: React.ReactElement, net = recordingFetch()) {
  return {
    ...renderWithClient(ui, chartSettings(net.fetch)),
    net,
  };
}

const input = (label: string) =>
  screen.getByLabelText<HTMLInputElement & HTMLSelectElement>(label, {
    selector: 'input,select,textarea',
  });
const save = () => screen.getByRole('button', { name: 'Save prescription' });
/** A stored record without what the server stamps on every write. */
const content = ({ updatedAt: _u, ...rest }: Prescription) => rest;

describe('PrescriptionForm against the sandbox: what is stored', () => {
  it('stores the RxNorm drug picked, dosage as FHIR Timing (3 per 1 d, 7 d as a bound) and the real prescriber', async () => {
    const patient = await newPatient('RxCreate');
    const doctor = await colleague().practitioners.create({
      firstName: 'Gregory',
      lastName: 'House',
    });
    const onSaved = vi.fn();
    const { user, net, container } = render(
      <PrescriptionForm patientId={patient.id} prescriberId={doctor.id} onSaved={onSaved} />,
    );
    await screen.findByText('Gregory House');
    // The drug picked from the RxNorm suggestions, as a user does.
    await user.click(input('Medication'));
    await user.keyboard('amoxi');
    await screen.findByRole('option', { name: /amoxicillin/ });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.type(input('Dose'), '500');
    await waitFor(() =>
      expect(within(input('Dose unit')).getAllByRole('option').length).toBeGreaterThan(3),
    );
    await user.selectOptions(input('Dose unit'), 'mg');
    await user.selectOptions(input('Route'), 'Oral route');
    await user.type(input('Times'), '3');
    await user.type(input('Duration'), '7');
    await user.type(input('Quantity to dispense'), '21');
    await user.selectOptions(input('Quantity unit'), 'capsule');
    await user.type(input('Refills'), '0');
    expect(
      screen.getByText('Reads as: 500 mg, Oral route, 3 times a day, for 7 days'),
    ).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    await user.click(save());
    await screen.findByText('Prescription saved.');
    expect(net.statuses('POST').map(([, , status]) => status)).toEqual([201]);

    const [listed, ...more] = (await colleague().prescriptions.search({ patientId: patient.id }))
      .data;
    expect(more).toEqual([]);
    const stored = await colleague().prescriptions.read(listed?.id ?? '');
    expect(stored).toEqual({
      id: expect.any(String),
      status: 'active',
      intent: 'order',
      medication: { system: RXNORM, code: '723', display: 'amoxicillin' },
      patientId: patient.id,
      practitionerId: doctor.id,
      // 10:00 in New York when it was written.
      authoredOn: '2026-06-15T10:00:00-04:00',
      dosage: {
        doseQuantity: { value: 500, unit: 'mg', system: UCUM, code: 'mg' },
        route: { system: SNOMED, code: '26643006', display: 'Oral route' },
        timing: {
          repeat: {
            // Three times per one day, for a course of seven days (not 3 per 7 days).
            frequency: 3,
            period: 1,
            periodUnit: 'd',
            boundsDuration: { value: 7, unit: 'days', system: UCUM, code: 'd' },
          },
        },
      },
      quantity: { value: 21, unit: 'capsule', system: UCUM, code: '{capsule}' },
      refills: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(onSaved).toHaveBeenCalledWith(stored);
  });
});

describe('PrescriptionForm against the sandbox: edits onto the version read', () => {
  it('adds a course length: sends only the dosage, with If-Match of the version read; only that changes', async () => {
    const patient = await newPatient('RxEdit');
    const rx = await prescribe(patient.id);
    const before = await colleague().prescriptions.read(rx.id);
    const version = etagOf(before);
    expect(version).toMatch(/^W\/"/);
    const { user, net } = render(
      <PrescriptionForm patientId={patient.id} prescriptionId={rx.id} />,
    );
    await waitFor(() => expect(input('Times').value).toBe('1'));
    await user.type(input('Duration'), '30');
    expect(
      screen.getByText('Reads as: 1 tablet, Oral route, once a day, for 30 days'),
    ).toBeTruthy();
    await user.click(save());
    await screen.findByText('Prescription saved.');

    const boundsDuration = { value: 30, unit: 'days', system: UCUM, code: 'd' };
    const dosage = {
      ...before.dosage,
      timing: { repeat: { ...before.dosage?.timing?.repeat, boundsDuration } },
    };
    expect(net.writes()).toHaveLength(1);
    const [patch] = net.writes();
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/api/clinik/v1/prescriptions/${rx.id}`);
    expect(patch?.headers.get('if-match')).toBe(version);
    expect(patch?.body).toEqual({ dosage });
    const after = await colleague().prescriptions.read(rx.id);
    expect(content(after)).toEqual({ ...content(before), dosage });
    expect(etagOf(after)).not.toBe(version);
    expect(after.medication).toEqual(AMLODIPINE_5);
  });

  it('a colleague’s save after the form loaded: the proxy answers 412, the form says so, theirs stays', async () => {
    const patient = await newPatient('RxConflict');
    const rx = await prescribe(patient.id);
    const { user, net } = render(
      <PrescriptionForm patientId={patient.id} prescriptionId={rx.id} />,
    );
    await waitFor(() => expect(input('Quantity to dispense').value).toBe('30'));
    const version = etagOf(await colleague().prescriptions.read(rx.id));
    const theirs = await colleague().prescriptions.update(rx.id, {
      note: 'Pharmacy: dispense in blister packs.',
    });
    await user.clear(input('Quantity to dispense'));
    await user.type(input('Quantity to dispense'), '90');
    await user.click(save());

    await screen.findByText(
      'Someone else saved this prescription while you were editing (Note), so nothing was saved. Your values are kept: check them, then save again to apply yours.',
    );
    const patches = net.statuses('PATCH');
    expect(patches).toEqual([['PATCH', `/api/clinik/v1/prescriptions/${rx.id}`, 412]]);
    expect(net.writes()[0]?.headers.get('if-match')).toBe(version);
    expect(net.writes()[0]?.body).toEqual({
      quantity: { value: 90, unit: 'tablet', system: UCUM, code: '{tablet}' },
    });
    // Their note shows; the typed quantity is kept for the user to save again.
    expect(input('Note').value).toBe('Pharmacy: dispense in blister packs.');
    expect(input('Quantity to dispense').value).toBe('90');
    expect(await colleague().prescriptions.read(rx.id)).toEqual(theirs);
  });
});
