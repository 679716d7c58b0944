import type { Prescription } from '@clinikapi/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { clinikKeys } from '../../queries/keys.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import {
  AMLODIPINE_5,
  colleague,
  newPatient,
  prescribe,
  SNOMED,
  sandboxUrl,
  UCUM,
} from '../test/sandboxChart.js';
import { PrescriptionForm } from './PrescriptionForm.js';

// Record integrity of the prescription form against the real sandbox behind the real proxy:
// no write into the wrong patient or prescription, edits only, no lost update.

function Switcher<T>({
  first,
  second,
  children,
}: {
  first: T;
  second: T;
  children: (value: T) => ReactNode;
}) {
  const [value, setValue] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setValue(second)}>
        Select second
      </button>
      {children(value)}
    </>
  );
}

const input = (label: string) =>
  screen.getByLabelText<HTMLInputElement | HTMLSelectElement>(label, {
    selector: 'input,select,textarea',
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function render(ui: React.ReactElement, net = recordingFetch()) {
  return {
    ...renderWithClient(ui, { baseUrl: sandboxUrl(), clientOptions: { fetch: net.fetch } }),
    net,
  };
}

describe('PrescriptionForm creates exactly what was entered', () => {
  it('sends structured dosage as FHIR Timing (3 per 1 day, 7 days as a bound), no invented prescriber', async () => {
    const patient = await newPatient('Create');
    const onSaved = vi.fn();
    const { user, net } = render(<PrescriptionForm patientId={patient.id} onSaved={onSaved} />);
    await user.type(input('Medication'), 'Amoxicillin 500 mg capsule');
    await user.type(input('Dose'), '1');
    await waitFor(() =>
      expect(within(input('Dose unit')).getAllByRole('option').length).toBeGreaterThan(3),
    );
    await user.selectOptions(input('Dose unit'), 'capsule');
    await user.selectOptions(input('Route'), 'Oral route');
    await user.type(input('Times'), '3');
    await user.type(input('Duration'), '7');
    await user.type(input('Quantity to dispense'), '21');
    await user.selectOptions(input('Quantity unit'), 'capsule');
    await user.type(input('Refills'), '0');
    await user.selectOptions(input('Substitution'), 'Allowed');
    expect(
      screen.getByText('Reads as: 1 capsule, Oral route, 3 times a day, for 7 days'),
    ).toBeTruthy();
    expect(screen.getByText(/No prescriber is known here/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await screen.findByText('Prescription saved.');

    const posts = net.writes();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({
      status: 'active',
      intent: 'order',
      medication: 'Amoxicillin 500 mg capsule',
      patientId: patient.id,
      authoredOn: '2026-06-15T12:00:00Z',
      dosage: {
        doseQuantity: { value: 1, unit: 'capsule', system: UCUM, code: '{capsule}' },
        route: { system: SNOMED, code: '26643006', display: 'Oral route' },
        timing: {
          repeat: {
            frequency: 3,
            period: 1,
            periodUnit: 'd',
            boundsDuration: { value: 7, unit: 'days', system: UCUM, code: 'd' },
          },
        },
      },
      quantity: { value: 21, unit: 'capsule', system: UCUM, code: '{capsule}' },
      refills: 0,
      substitution: { allowedBoolean: true },
    });
    const saved = onSaved.mock.calls[0]?.[0] as Prescription;
    expect(saved.practitionerId).toBeUndefined();
    // The form starts over for the next prescription.
    expect(input('Medication').value).toBe('');
  });

  it('sends the prescriber it was given, and the stored prescription re-renders identically', async () => {
    const patient = await newPatient('Prescriber');
    const doctor = await colleague().practitioners.create({
      firstName: 'Gregory',
      lastName: 'House',
    });
    const onSaved = vi.fn();
    const first = render(
      <PrescriptionForm
        patientId={patient.id}
        prescriberId={doctor.id}
        onSaved={onSaved}
        defaultValues={{ medication: AMLODIPINE_5 }}
      />,
    );
    await screen.findByText('Gregory House');
    await first.user.type(input('Times'), '1');
    await first.user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await screen.findByText('Prescription saved.');
    expect(first.net.writes()[0]?.body).toMatchObject({
      medication: AMLODIPINE_5,
      practitionerId: doctor.id,
      dosage: { timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } },
    });
    const saved = onSaved.mock.calls[0]?.[0] as Prescription;
    first.unmount();

    // Round trip: what the sandbox returns shows as entered, and saving it sends nothing.
    const second = render(<PrescriptionForm patientId={patient.id} prescriptionId={saved.id} />);
    await waitFor(() => expect(input('Medication').value).toBe('amlodipine 5 MG Oral Tablet'));
    expect(input('Times').value).toBe('1');
    expect(input('Per').value).toBe('1');
    expect(screen.getByText('Reads as: once a day')).toBeTruthy();
    await second.user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await screen.findByText('No changes to save.');
    expect(second.net.writes()).toEqual([]);
  });
});

describe('PrescriptionForm takes the signed-in clinician from the provider', () => {
  it("defaults the prescriber to ClinikProvider's practitionerId", async () => {
    const patient = await newPatient('ProviderPrescriber');
    const doctor = await colleague().practitioners.create({ firstName: 'Lisa', lastName: 'Cuddy' });
    const net = recordingFetch();
    const { user } = renderWithClient(
      <PrescriptionForm patientId={patient.id} defaultValues={{ medication: AMLODIPINE_5 }} />,
      { baseUrl: sandboxUrl(), clientOptions: { fetch: net.fetch }, practitionerId: doctor.id },
    );
    await screen.findByText('Lisa Cuddy');
    await user.type(input('Times'), '1');
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await screen.findByText('Prescription saved.');
    expect(net.writes()[0]?.body).toMatchObject({ practitionerId: doctor.id });
  });
});

describe('PrescriptionForm follows its patient and prescription', () => {
  it('a create in flight for A lands in A only; B’s form starts empty and onSaved is not called', async () => {
    const [a, b] = [await newPatient('InFlightA'), await newPatient('InFlightB')];
    const net = recordingFetch();
    net.delay('POST', /\/prescriptions$/, 800);
    const onSaved = vi.fn();
    const { user } = render(
      <Switcher first={a.id} second={b.id}>
        {(id) => <PrescriptionForm patientId={id} onSaved={onSaved} />}
      </Switcher>,
      net,
    );
    await user.type(input('Medication'), 'Lisinopril 10 mg tablet');
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(input('Medication').value).toBe('');
    await sleep(1000);
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.queryByText('Prescription saved.')).toBeNull();
    expect(net.writes().map((w) => (w.body as { patientId: string }).patientId)).toEqual([a.id]);
    const y = colleague();
    expect((await y.prescriptions.search({ patientId: b.id })).data).toEqual([]);
    expect((await y.prescriptions.search({ patientId: a.id })).data).toHaveLength(1);
  });

  it('never sends rx1’s edits to rx2 when rx2 is selected while it is still loading', async () => {
    const patient = await newPatient('SwitchRx');
    const rx1 = await prescribe(patient.id, { refills: 1 });
    const rx2 = await prescribe(patient.id, { refills: 5 });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/prescriptions/${rx2.id}$`), 1000);
    const { user } = render(
      <Switcher first={rx1.id} second={rx2.id}>
        {(id) => <PrescriptionForm patientId={patient.id} prescriptionId={id} />}
      </Switcher>,
      net,
    );
    await waitFor(() => expect(input('Refills').value).toBe('1'));
    await user.clear(input('Refills'));
    await user.type(input('Refills'), '9');
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.getByText('Loading prescription…')).toBeTruthy();
    expect(input('Refills').value).toBe('');
    act(() => {
      screen.getByRole('button', { name: 'Save prescription' }).closest('form')?.requestSubmit();
    });
    await waitFor(() => expect(input('Refills').value).toBe('5'), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await screen.findByText('No changes to save.');
    expect(net.writes()).toEqual([]);
    const y = colleague();
    expect((await y.prescriptions.read(rx1.id)).refills).toBe(1);
    expect((await y.prescriptions.read(rx2.id)).refills).toBe(5);
  });

  it('refuses to show or save a prescription of another patient under this one', async () => {
    const [a, b] = [await newPatient('OwnerA'), await newPatient('OwnerB')];
    const rxOfB = await prescribe(b.id);
    const { net, user } = render(<PrescriptionForm patientId={a.id} prescriptionId={rxOfB.id} />);
    await screen.findByText(/belongs to another patient/);
    expect(screen.queryByLabelText('Medication')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    expect(net.writes()).toEqual([]);
  });
});

describe('PrescriptionForm edits only what changed, onto the version the user saw', () => {
  it('sends only the edited refills, with If-Match', async () => {
    const patient = await newPatient('Refills');
    const rx = await prescribe(patient.id);
    const { user, net } = render(
      <PrescriptionForm patientId={patient.id} prescriptionId={rx.id} />,
    );
    await waitFor(() => expect(input('Refills').value).toBe('2'));
    await user.clear(input('Refills'));
    await user.type(input('Refills'), '3');
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await screen.findByText('Prescription saved.');
    const [patch] = net.writes();
    expect(patch?.method).toBe('PATCH');
    expect(patch?.body).toEqual({ refills: 3 });
    expect(patch?.headers.get('if-match')).toMatch(/^W\/"/);
  });

  it('merges an edited dose onto the latest dosage after showing a colleague’s route change', async () => {
    const patient = await newPatient('Dose');
    const rx = await prescribe(patient.id);
    const { user, net } = render(
      <PrescriptionForm patientId={patient.id} prescriptionId={rx.id} />,
    );
    await waitFor(() => expect(input('Dose').value).toBe('1'));
    // A colleague changes the route (another part of the same dosage) after the form loaded.
    const sublingual = { system: SNOMED, code: '37839007', display: 'Sublingual route' };
    await colleague().prescriptions.update(rx.id, {
      dosage: { ...rx.dosage, route: sublingual },
    });
    await user.clear(input('Dose'));
    await user.type(input('Dose'), '2');
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));

    const alert = await screen.findByText(/Someone else saved this prescription/);
    expect(alert.textContent).toContain('Route');
    expect(input('Dose').value).toBe('2');
    expect((input('Route') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'Sublingual route',
    );
    expect((await colleague().prescriptions.read(rx.id)).dosage?.doseQuantity?.value).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await screen.findByText('Prescription saved.');
    const stored = await colleague().prescriptions.read(rx.id);
    expect(stored.dosage).toEqual({
      ...rx.dosage,
      route: sublingual,
      doseQuantity: { ...rx.dosage?.doseQuantity, value: 2 },
    });
    const patches = net.writes().filter((w) => w.method === 'PATCH');
    expect(patches.every((w) => Object.keys(w.body as object).join() === 'dosage')).toBe(true);
    expect((patches.at(-1)?.body as Prescription | undefined)?.dosage?.route).toEqual(sublingual);
  });

  it('shows both values when both changed the same field, and keeps the typed one', async () => {
    const patient = await newPatient('Both');
    const rx = await prescribe(patient.id);
    const { user } = render(<PrescriptionForm patientId={patient.id} prescriptionId={rx.id} />);
    await waitFor(() => expect(input('Refills').value).toBe('2'));
    await colleague().prescriptions.update(rx.id, { refills: 4 });
    await user.clear(input('Refills'));
    await user.type(input('Refills'), '6');
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    const list = await screen.findByRole('region', { name: 'Changed by someone else too' });
    expect(list.textContent).toContain('Stored now: 4');
    expect(list.textContent).toContain('Yours: 6');
    expect(document.activeElement).toBe(list);
    expect(input('Refills').value).toBe('6');
  });

  it('a newer copy from a refetch updates untouched fields and keeps typed ones', async () => {
    const patient = await newPatient('Refetch');
    const rx = await prescribe(patient.id);
    const { user, queryClient } = render(
      <PrescriptionForm patientId={patient.id} prescriptionId={rx.id} />,
    );
    await waitFor(() => expect(input('Refills').value).toBe('2'));
    await user.type(input('Note'), 'typed');
    await colleague().prescriptions.update(rx.id, { refills: 4 });
    await act(() =>
      queryClient.invalidateQueries({ queryKey: clinikKeys.detail('prescriptions', rx.id) }),
    );
    await waitFor(() => expect(input('Refills').value).toBe('4'));
    expect(input('Note').value).toBe('typed');
    expect(screen.getByText(/This prescription was changed elsewhere \(Refills\)/)).toBeTruthy();
  });

  it('refuses to silently keep refills the user emptied', async () => {
    const patient = await newPatient('Clear');
    const rx = await prescribe(patient.id);
    const { user, net } = render(
      <PrescriptionForm patientId={patient.id} prescriptionId={rx.id} />,
    );
    await waitFor(() => expect(input('Refills').value).toBe('2'));
    await user.clear(input('Refills'));
    await user.click(screen.getByRole('button', { name: 'Save prescription' }));
    await screen.findByText(
      'Refills can only be changed here, not removed. Enter a value or undo.',
    );
    expect(document.activeElement).toBe(input('Refills'));
    expect(net.writes()).toEqual([]);
  });
});
