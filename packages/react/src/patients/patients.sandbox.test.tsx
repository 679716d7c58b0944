import { ClinikNotFoundError, createClinikClient } from '@clinikapi/core';
import { renderHook, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { renderWithClient } from '../test/renderWithClient.js';
import { PatientCard } from './PatientCard/PatientCard.js';
import { PatientForm } from './PatientForm/PatientForm.js';
import { PatientList } from './PatientList/PatientList.js';
import { useInfinitePatients, usePatient, usePatients } from './usePatients.js';

// The whole path of the architecture: component -> hook -> core client (no key) -> the real
// @clinikapi/proxy at /api/clinik -> an in-memory sandbox. Started once in globalSetup.
const baseUrl = () => inject('sandboxProxyUrl');
const run = Date.now().toString(36);
const family = (label: string) => `Zz${label}${run}`;

describe('against the sandbox behind the proxy', () => {
  const pagedName = family('Paged');
  beforeAll(async () => {
    // Seeds through the proxy, with the same keyless client the components use.
    const client = createClinikClient({ baseUrl: baseUrl(), retries: 0 });
    for (let i = 0; i < 25; i++) {
      await client.patients.create({
        firstName: `P${String(i).padStart(2, '0')}`,
        lastName: pagedName,
      });
    }
  });

  it('a patient saved with PatientForm shows up in PatientList', async () => {
    const lastName = family('Created');
    const { user } = renderWithClient(
      <>
        <PatientForm />
        <PatientList searchDelayMs={50} />
      </>,
      { baseUrl: baseUrl() },
    );
    await user.type(screen.getByLabelText('First name'), 'Ada');
    await user.type(screen.getByLabelText('Last name'), lastName);
    await user.type(screen.getByLabelText('Date of birth'), '1990-06-15');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('First name').value).toBe(''),
    );

    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), lastName);
    const table = screen.getByRole('table', { name: 'Patients' });
    await within(table).findByRole('cell', { name: `Ada ${lastName}` });
    expect(within(table).getByRole('cell', { name: 'Jun 15, 1990' })).toBeTruthy();
  });

  it('pages through real cursors, and infinite lists collect every page', async () => {
    const { wrapper } = renderWithClient(<div />, { baseUrl: baseUrl() });
    const paged = renderHook(
      ({ cursor }: { cursor?: string }) => usePatients({ name: pagedName, count: 10, cursor }),
      { wrapper, initialProps: {} },
    );
    await waitFor(() => expect(paged.result.current.isSuccess).toBe(true));
    expect(paged.result.current.data?.total).toBe(25);
    expect(paged.result.current.data?.hasMore).toBe(true);
    const firstIds = paged.result.current.data?.data.map((p) => p.id) ?? [];
    paged.rerender({ cursor: paged.result.current.data?.cursor ?? undefined });
    await waitFor(() => expect(paged.result.current.isPlaceholderData).toBe(false));
    const secondIds = paged.result.current.data?.data.map((p) => p.id) ?? [];
    expect(secondIds).toHaveLength(10);
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);

    const infinite = renderHook(() => useInfinitePatients({ name: pagedName, count: 10 }), {
      wrapper,
    });
    await waitFor(() => expect(infinite.result.current.isSuccess).toBe(true));
    void infinite.result.current.fetchNextPage();
    await waitFor(() => expect(infinite.result.current.data?.pages).toHaveLength(2));
    void infinite.result.current.fetchNextPage();
    await waitFor(() => expect(infinite.result.current.data?.pages).toHaveLength(3));
    expect(infinite.result.current.hasNextPage).toBe(false);
    const all = infinite.result.current.data?.pages.flatMap((p) => p.data.map((x) => x.id)) ?? [];
    expect(new Set(all).size).toBe(25);
  });

  it('edits a patient with PatientForm and shows it in PatientCard', async () => {
    const client = createClinikClient({ baseUrl: baseUrl(), retries: 0 });
    const created = await client.patients.create({
      firstName: 'Grace',
      lastName: family('Edited'),
      birthDate: '1906-12-09',
      phone: '+1-555-0100',
    });
    const { user } = renderWithClient(
      <>
        <PatientForm patientId={created.id} />
        <PatientCard patientId={created.id} />
      </>,
      { baseUrl: baseUrl() },
    );
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('First name').value).toBe('Grace'),
    );
    await user.clear(screen.getByLabelText('Phone'));
    await user.type(screen.getByLabelText('Phone'), '+1-555-0199');
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    const card = await screen.findByRole('article', { name: `Grace ${family('Edited')}` });
    await within(card).findByText('+1-555-0199');
    expect((await client.patients.read(created.id)).phone).toBe('+1-555-0199');
  });

  it("surfaces the sandbox's 404 as core's ClinikNotFoundError", async () => {
    const { wrapper } = renderWithClient(<div />, { baseUrl: baseUrl() });
    const { result } = renderHook(() => usePatient('no-such-patient'), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ClinikNotFoundError);
  });
});
