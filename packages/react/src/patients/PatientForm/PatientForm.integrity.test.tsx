import { createClinikClient, type Patient } from '@clinikapi/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, inject, it, vi } from 'vitest';
import { clinikKeys } from '../../queries/keys.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { PatientForm } from './PatientForm.js';

// Record integrity against the real sandbox behind the real proxy (issue: no wrong-patient
// writes, no lost updates). "Y" is another member of staff, writing through their own client.
const baseUrl = () => inject('sandboxProxyUrl');
const colleague = () => createClinikClient({ baseUrl: baseUrl(), retries: 0 });
const run = Date.now().toString(36);

async function twoPatients(label: string): Promise<[Patient, Patient]> {
  const y = colleague();
  const a = await y.patients.create({
    firstName: 'Ann',
    lastName: `Alpha${label}${run}`,
    phone: '555-0101',
    address: { line: ['1 A St', 'Flat 2'], city: 'Aville', postalCode: '11111' },
  });
  const b = await y.patients.create({
    firstName: 'Bob',
    lastName: `Beta${label}${run}`,
    phone: '555-0202',
    address: { city: 'Bville', postalCode: '22222' },
  });
  return [a, b];
}

/** The README's pattern: one form whose patientId follows a selection, with no `key`. */
function Switcher({
  first,
  second,
  onSaved,
}: {
  first: string;
  second: string;
  onSaved?: (patient: Patient) => void;
}) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select second
      </button>
      <PatientForm patientId={id} onSaved={onSaved} />
    </>
  );
}

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

describe('PatientForm follows its patientId', () => {
  it('never sends A’s edits to B when B is selected while its record is still loading', async () => {
    const [a, b] = await twoPatients('Switch');
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/patients/${b.id}$`), 1000);
    const { user } = renderWithClient(<Switcher first={a.id} second={b.id} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await waitFor(() => expect(input('First name').value).toBe('Ann'));
    await user.clear(input('Phone'));
    await user.type(input('Phone'), '555-0999');

    await user.click(screen.getByRole('button', { name: 'Select second' }));
    // While B loads, nothing of A is shown or can be submitted.
    expect(screen.getByText('Loading patient…')).toBeTruthy();
    expect(input('Phone').value).toBe('');
    expect(input('Phone').closest('fieldset')?.disabled).toBe(true);
    await user.type(input('First name'), '{Enter}');
    act(() => {
      screen.getByRole('button', { name: 'Save patient' }).closest('form')?.requestSubmit();
    });

    await waitFor(() => expect(input('First name').value).toBe('Bob'), { timeout: 5000 });
    expect(input('Phone').value).toBe('555-0202');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await screen.findByText('No changes to save.');
    expect(net.writes()).toEqual([]);
    const y = colleague();
    expect(await y.patients.read(b.id)).toMatchObject({ firstName: 'Bob', phone: '555-0202' });
    expect(await y.patients.read(a.id)).toMatchObject({ firstName: 'Ann', phone: '555-0101' });
  });

  it('a save in flight for A lands in A only; B’s form is untouched and onSaved is not called', async () => {
    const [a, b] = await twoPatients('InFlight');
    const net = recordingFetch();
    net.delay('PATCH', /\/patients\//, 800);
    const onSaved = vi.fn();
    const { user } = renderWithClient(<Switcher first={a.id} second={b.id} onSaved={onSaved} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await waitFor(() => expect(input('First name').value).toBe('Ann'));
    await user.clear(input('Phone'));
    await user.type(input('Phone'), '555-0333');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));

    await waitFor(() => expect(input('First name').value).toBe('Bob'));
    // Let A's response arrive while B is shown.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(input('Phone').value).toBe('555-0202');
    expect(screen.queryByText('Patient saved.')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    expect(net.writes().map((w) => [w.method, w.path, w.body])).toEqual([
      ['PATCH', `/api/clinik/v1/patients/${a.id}`, { phone: '555-0333' }],
    ]);
    const y = colleague();
    expect((await y.patients.read(a.id)).phone).toBe('555-0333');
    expect((await y.patients.read(b.id)).phone).toBe('555-0202');
  });
});

describe('PatientForm never loses a colleague’s update', () => {
  it('sends only the edited address part, merged onto the latest address, after showing the conflict', async () => {
    const [a] = await twoPatients('Address');
    const net = recordingFetch();
    const { user } = renderWithClient(<PatientForm patientId={a.id} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await waitFor(() => expect(input('City').value).toBe('Aville'));
    // Y changes the postal code after X opened the form.
    await colleague().patients.update(a.id, {
      address: { line: ['1 A St', 'Flat 2'], city: 'Aville', postalCode: '99999' },
    });
    await user.clear(input('City'));
    await user.type(input('City'), 'Newtown');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));

    // Nothing was written: X learns that the record moved on and what changed.
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else saved this patient');
    expect(alert.textContent).toContain('Postal code');
    expect(input('City').value).toBe('Newtown');
    expect(input('Postal code').value).toBe('99999');
    expect((await colleague().patients.read(a.id)).address?.city).toBe('Aville');

    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await screen.findByText('Patient saved.');
    const stored = await colleague().patients.read(a.id);
    expect(stored.address).toEqual({
      line: ['1 A St', 'Flat 2'],
      city: 'Newtown',
      postalCode: '99999',
    });
    const patches = net.writes().filter((w) => w.method === 'PATCH');
    expect(patches.at(-1)?.body).toEqual({
      address: { line: ['1 A St', 'Flat 2'], city: 'Newtown', postalCode: '99999' },
    });
  });

  it('a second save never writes back values a colleague changed after the first', async () => {
    const [a] = await twoPatients('Resave');
    const net = recordingFetch();
    const { user } = renderWithClient(<PatientForm patientId={a.id} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await waitFor(() => expect(input('First name').value).toBe('Ann'));
    await user.clear(input('Phone'));
    await user.type(input('Phone'), '555-0444');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await screen.findByText('Patient saved.');

    await colleague().patients.update(a.id, { firstName: 'Annabel', email: 'ann@example.test' });
    await user.clear(input('Phone'));
    await user.type(input('Phone'), '555-0555');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await screen.findByText('Patient saved.');

    expect(await colleague().patients.read(a.id)).toMatchObject({
      firstName: 'Annabel',
      email: 'ann@example.test',
      phone: '555-0555',
    });
    // Only the phone was ever sent (a refused If-Match attempt may be among the writes).
    const bodies = net.writes().map((w) => w.body);
    expect(bodies[0]).toEqual({ phone: '555-0444' });
    expect(bodies.slice(1)).toContainEqual({ phone: '555-0555' });
    expect(bodies.every((body) => Object.keys(body as object).join() === 'phone')).toBe(true);
  });

  it('shows both values when both changed the same field, and "keep stored" drops the user’s edit', async () => {
    const [a] = await twoPatients('Both');
    const { user } = renderWithClient(<PatientForm patientId={a.id} />, { baseUrl: baseUrl() });
    await waitFor(() => expect(input('Phone').value).toBe('555-0101'));
    await colleague().patients.update(a.id, { phone: '555-0666' });
    await user.clear(input('Phone'));
    await user.type(input('Phone'), '555-0777');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));

    const list = await screen.findByRole('region', { name: 'Changed by someone else too' });
    expect(list.textContent).toContain('Stored now: 555-0666');
    expect(list.textContent).toContain('Yours: 555-0777');
    expect(document.activeElement).toBe(list);
    expect(input('Phone').value).toBe('555-0777');
    await user.click(within(list).getByRole('button', { name: 'Keep stored phone' }));
    expect(input('Phone').value).toBe('555-0666');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await screen.findByText('No changes to save.');
    expect((await colleague().patients.read(a.id)).phone).toBe('555-0666');
  });

  it('a newer copy from a refetch updates untouched fields, keeps typed ones, and says so', async () => {
    const [a] = await twoPatients('Refetch');
    const { user, queryClient } = renderWithClient(<PatientForm patientId={a.id} />, {
      baseUrl: baseUrl(),
    });
    await waitFor(() => expect(input('City').value).toBe('Aville'));
    await user.clear(input('City'));
    await user.type(input('City'), 'Typed');
    await colleague().patients.update(a.id, {
      phone: '555-0888',
      address: { city: 'Theirs', postalCode: '11111' },
    });
    await act(() =>
      queryClient.invalidateQueries({ queryKey: clinikKeys.detail('patients', a.id) }),
    );

    await waitFor(() => expect(input('Phone').value).toBe('555-0888'));
    expect(input('City').value).toBe('Typed');
    expect(
      screen.getByText(/This patient was changed elsewhere \(Phone, Street address, City\)/),
    ).toBeTruthy();
    const list = screen.getByRole('region', { name: 'Changed by someone else too' });
    expect(list.textContent).toContain('Stored now: Theirs');
    expect(list.textContent).toContain('Yours: Typed');
  });

  it('refuses to silently keep a value the user emptied', async () => {
    const [a] = await twoPatients('Clear');
    const net = recordingFetch();
    const { user } = renderWithClient(<PatientForm patientId={a.id} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await waitFor(() => expect(input('Phone').value).toBe('555-0101'));
    await user.clear(input('Phone'));
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    expect(
      await screen.findByText(
        'Phone can only be changed here, not removed. Enter a value or undo.',
      ),
    ).toBeTruthy();
    expect(document.activeElement).toBe(input('Phone'));
    expect(net.writes()).toEqual([]);
  });
});
