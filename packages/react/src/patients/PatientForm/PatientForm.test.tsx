import type { Patient } from '@clinikapi/core';
import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { startFakeApiServer } from '../../test/fakeServer.js';
import { makePatient } from '../../test/fixtures.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { PatientForm } from './PatientForm.js';

let server: Awaited<ReturnType<typeof startFakeApiServer>>;
beforeAll(async () => {
  server = await startFakeApiServer();
});
afterAll(() => server.close());

const input = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

/** The react README's first snippet: the form moves on to the patient it just created. */
function CreateThenEdit() {
  const [selected, setSelected] = useState<Patient>();
  return <PatientForm patientId={selected?.id} onSaved={setSelected} />;
}

describe('PatientForm (create)', () => {
  it('labels every input, creates the patient, calls onSaved and clears the form', async () => {
    const api = server.reset();
    const onSaved = vi.fn<(patient: Patient) => void>();
    const { user, container } = renderWithClient(<PatientForm onSaved={onSaved} />, {
      baseUrl: server.baseUrl,
    });
    expect(await axeViolations(container)).toEqual([]);
    await user.type(input('First name'), 'Ada');
    await user.type(input('Last name'), 'Lovelace');
    await user.type(input('Date of birth'), '1815-12-10');
    await user.selectOptions(input('Gender'), 'Female');
    await user.type(input('Email'), 'ada@example.test');
    await user.type(input('Phone'), '+44 20 0000');
    await user.type(input('City'), 'London');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({
      fullName: 'Ada Lovelace',
      id: expect.any(String),
    });
    expect(api.patients[0]).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      birthDate: '1815-12-10',
      gender: 'female',
      email: 'ada@example.test',
      phone: '+44 20 0000',
      address: { city: 'London' },
    });
    expect(input('First name').value).toBe('');
  });

  it('keeps its "Patient saved." when the app then edits the patient it created (README)', async () => {
    server.reset();
    const { user } = renderWithClient(<CreateThenEdit />, { baseUrl: server.baseUrl });
    await user.type(input('First name'), 'Ada');
    await user.type(input('Last name'), 'Lovelace');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));

    const saved = await screen.findByText('Patient saved.');
    await waitFor(() => expect(input('First name').value).toBe('Ada')); // now editing the record
    await waitFor(() => expect(document.activeElement).toBe(saved));
    expect(saved.getAttribute('role')).toBe('status');
  });

  it('validates with the core schema before sending, and focuses the first problem', async () => {
    const api = server.reset();
    const { user, container } = renderWithClient(<PatientForm />, { baseUrl: server.baseUrl });
    await user.type(input('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));

    expect(await screen.findByText('First name is required')).toBeTruthy();
    expect(screen.getByText('Last name is required')).toBeTruthy();
    expect(screen.getByText('Email must be a valid email address')).toBeTruthy();
    expect(input('First name').getAttribute('aria-invalid')).toBe('true');
    expect(input('First name').getAttribute('aria-describedby')).toBe(
      screen.getByText('First name is required').id,
    );
    await waitFor(() => expect(document.activeElement).toBe(input('First name')));
    expect(screen.getByRole('alert').textContent).toContain(
      'Please correct the highlighted fields.',
    );
    expect(container.querySelector('form')?.getAttribute('data-state')).toBe('invalid');
    expect(api.log.filter((line) => line.startsWith('POST'))).toEqual([]);
    expect(input('Email').value).toBe('not-an-email');
    expect(await axeViolations(container)).toEqual([]);
  });

  it("maps the server's 422 issues onto the fields and keeps the input", async () => {
    const api = server.reset();
    api.failNext(1, 422, {
      error: 'VALIDATION_ERROR',
      message: 'The request body is invalid',
      issues: [
        { severity: 'error', code: 'value', diagnostics: 'phone is not a reachable number' },
        { severity: 'error', code: 'value', diagnostics: 'address.postalCode does not match city' },
        { severity: 'error', code: 'value', diagnostics: 'contact[0] is inconsistent' },
      ],
    });
    const { user } = renderWithClient(<PatientForm />, { baseUrl: server.baseUrl });
    await user.type(input('First name'), 'Ada');
    await user.type(input('Last name'), 'Lovelace');
    await user.type(input('Phone'), '123');
    await user.type(input('Postal code'), '99999');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));

    expect(await screen.findByText('Phone is not a reachable number')).toBeTruthy();
    expect(screen.getByText('Postal code does not match city')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('contact[0] is inconsistent');
    expect(input('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(input('First name').value).toBe('Ada');
    expect(input('Postal code').value).toBe('99999');
  });

  it('keeps the input after a server failure and succeeds on a second try', async () => {
    const api = server.reset();
    api.failNext(1, 500);
    const onSaved = vi.fn();
    const { user, container } = renderWithClient(<PatientForm onSaved={onSaved} />, {
      baseUrl: server.baseUrl,
    });
    await user.type(input('First name'), 'Grace');
    await user.type(input('Last name'), 'Hopper');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not save the patient. Your changes are kept; try again.' +
        'The service is unavailable right now: try again shortly.',
    );
    expect(container.querySelector('form')?.getAttribute('data-state')).toBe('error');
    expect(input('First name').value).toBe('Grace');

    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.patients.map((p) => p.fullName)).toEqual(['Grace Hopper']);
  });

  it('uses message overrides for labels', async () => {
    server.reset();
    renderWithClient(
      <PatientForm messages={{ firstName: 'Vorname', savePatient: 'Speichern' }} />,
      {
        baseUrl: server.baseUrl,
      },
    );
    expect(input('Vorname')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeTruthy();
  });
});

describe('PatientForm (edit)', () => {
  it('loads the patient, sends only the changed fields, and calls onSaved', async () => {
    const api = server.reset([makePatient(0, { address: { city: 'London' } })]);
    const onSaved = vi.fn<(patient: Patient) => void>();
    const { user } = renderWithClient(<PatientForm patientId="pat-00000" onSaved={onSaved} />, {
      baseUrl: server.baseUrl,
    });
    expect(screen.getByText('Loading patient…').getAttribute('role')).toBe('status');
    await waitFor(() => expect(input('First name').value).toBe('Ada'));
    expect(input('City').value).toBe('London');
    await user.clear(input('Phone'));
    await user.type(input('Phone'), '+1-555-9999');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    // Confirmed, and keyboard focus moved from the pressed button to the confirmation.
    expect(screen.getByText('Patient saved.').getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByText('Patient saved.')));
    expect(api.log).toContain('PATCH /api/clinik/v1/patients/pat-00000');
    expect(api.patients[0]).toMatchObject({
      phone: '+1-555-9999',
      firstName: 'Ada',
      address: { city: 'London' },
    });
    expect(input('Phone').value).toBe('+1-555-9999');
  });

  it('without ETags, compares updatedAt with a fresh read before writing', async () => {
    const api = server.reset([makePatient(0, { updatedAt: '2026-01-01T00:00:00.000Z' })]);
    const { user } = renderWithClient(<PatientForm patientId="pat-00000" />, {
      baseUrl: server.baseUrl,
    });
    await waitFor(() => expect(input('First name').value).toBe('Ada'));
    // Someone else saves meanwhile (this API sends no ETag, only updatedAt changes).
    const stored = api.patients[0] as Patient;
    api.patients[0] = {
      ...stored,
      email: 'other@example.test',
      updatedAt: '2026-01-02T00:00:00.000Z',
    };
    await user.clear(input('City'));
    await user.type(input('City'), 'Paris');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));

    expect((await screen.findByRole('alert')).textContent).toContain('(Email)');
    expect(api.log.filter((line) => line.startsWith('PATCH'))).toEqual([]);
    expect(input('Email').value).toBe('other@example.test');
    expect(input('City').value).toBe('Paris');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await screen.findByText('Patient saved.');
    expect(api.log.slice(-2)).toEqual([
      'GET /api/clinik/v1/patients/pat-00000',
      'PATCH /api/clinik/v1/patients/pat-00000',
    ]);
    expect(api.patients[0]).toMatchObject({
      email: 'other@example.test',
      address: { city: 'Paris' },
    });
  });

  it('says when the patient cannot be loaded, and retries', async () => {
    const api = server.reset([makePatient(0)]);
    api.failNext(1, 404, { error: 'NOT_FOUND', message: 'Patient not found' });
    const { user } = renderWithClient(<PatientForm patientId="pat-00000" />, {
      baseUrl: server.baseUrl,
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the patient.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(input('First name').value).toBe('Ada'));
  });
});
