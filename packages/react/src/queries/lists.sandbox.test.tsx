import { createClinikClient, type Patient } from '@clinikapi/core';
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, inject, it } from 'vitest';
import { invalidateForNotice } from '../live/invalidate.js';
import { PatientForm } from '../patients/PatientForm/PatientForm.js';
import { PatientList } from '../patients/PatientList/PatientList.js';
import {
  useDeletePatient,
  useInfinitePatients,
  usePatients,
  useUpdatePatient,
} from '../patients/usePatients.js';
import { renderWithClient } from '../test/renderWithClient.js';
import { clinikKeys } from './keys.js';

// Lists never duplicate or skip a record, and show the user's own writes at once even while the
// API's search lags (the hosted API's "commonly ~10 s"; the lagged sandbox here: 60 s).
const run = Date.now().toString(36);
const ids = (pages: { data: Patient[] }[] | undefined) =>
  pages?.flatMap((page) => page.data.map((p) => p.id)) ?? [];

async function family(baseUrl: string, label: string, size: number) {
  const client = createClinikClient({ baseUrl, retries: 0 });
  const lastName = `Zz${label}${run}`;
  const created: Patient[] = [];
  for (let i = 0; i < size; i++) {
    created.push(await client.patients.create({ firstName: `P${i}`, lastName }));
  }
  return { client, lastName, created };
}

describe('stable pages against the sandbox (keyset cursors)', () => {
  const baseUrl = () => inject('sandboxProxyUrl');

  it('infinite list, newest first: inserts between pages neither duplicate nor skip', async () => {
    const { client, lastName, created } = await family(baseUrl(), 'Insert', 15);
    const { wrapper } = renderWithClient(<div />, { baseUrl: baseUrl() });
    const { result } = renderHook(() => useInfinitePatients({ name: lastName, count: 10 }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    // Another user creates two patients after page 1 was loaded.
    await client.patients.create({ firstName: 'New1', lastName });
    await client.patients.create({ firstName: 'New2', lastName });
    void result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));

    const shown = ids(result.current.data?.pages);
    expect(new Set(shown).size).toBe(shown.length);
    // Exactly the 15 that existed, newest first: page 2 continues where page 1 ended.
    expect(shown).toEqual(created.map((p) => p.id).reverse());
  });

  it('page mode: a delete on page 1 does not make "next page" skip a patient', async () => {
    const { client, lastName, created } = await family(baseUrl(), 'Delete', 15);
    const { wrapper } = renderWithClient(<div />, { baseUrl: baseUrl() });
    const paged = renderHook(
      ({ cursor }: { cursor?: string }) => usePatients({ name: lastName, count: 10, cursor }),
      { wrapper, initialProps: {} },
    );
    await waitFor(() => expect(paged.result.current.isSuccess).toBe(true));
    const first = paged.result.current.data;
    await client.patients.delete(first?.data[2]?.id as string);
    paged.rerender({ cursor: first?.cursor ?? undefined });
    await waitFor(() => expect(paged.result.current.isPlaceholderData).toBe(false));
    const newestFirst = created.map((p) => p.id).reverse();
    expect(paged.result.current.data?.data.map((p) => p.id)).toEqual(newestFirst.slice(10));
  });
});

describe('own writes while search lags', () => {
  const baseUrl = () => inject('laggedProxyUrl');

  it('a patient created with PatientForm is in PatientList at once, and stays after a refetch and a live notice', async () => {
    const lastName = `ZzLag${run}`;
    const { user, queryClient } = renderWithClient(
      <>
        <PatientForm />
        <PatientList searchDelayMs={0} />
      </>,
      { baseUrl: baseUrl() },
    );
    const table = screen.getByRole('table', { name: 'Patients' });
    await waitFor(() => expect(table.getAttribute('aria-busy')).not.toBe('true'));
    await user.type(screen.getByLabelText('First name'), 'Lag');
    await user.type(screen.getByLabelText('Last name'), lastName);
    await user.click(screen.getByRole('button', { name: 'Save patient' }));
    await screen.findByText('Patient saved.');

    await within(table).findByRole('cell', { name: `Lag ${lastName}` });
    // The sandbox's search does not have it yet (it lags by a minute)...
    const client = createClinikClient({ baseUrl: baseUrl(), retries: 0 });
    const search = await client.patients.search({ name: lastName });
    expect(search.total).toBe(0);
    const [id] = queryClient
      .getQueryCache()
      .findAll({ queryKey: clinikKeys.details('patients') })
      .map((query) => query.queryKey[3] as string);
    // ...and neither a refetch nor a live notice takes it away.
    await act(() => queryClient.invalidateQueries({ queryKey: clinikKeys.lists('patients') }));
    await act(() =>
      invalidateForNotice(queryClient, {
        id: 'evt_1',
        timestamp: new Date().toISOString(),
        event: 'patient.created',
        resource: 'patients',
        resourceId: id as string,
        action: 'created',
      }),
    );
    expect(within(table).getByRole('cell', { name: `Lag ${lastName}` })).toBeTruthy();

    // The search box finds it as well (the client knows its name matches).
    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), lastName);
    await waitFor(() =>
      expect(within(table).getAllByRole('row')).toHaveLength(2 /* header + the patient */),
    );
  });

  it('an update shows in lists at once and a delete drops the row, though search still has the old copy', async () => {
    const url = inject('briefLagProxyUrl');
    const { client, lastName, created } = await family(url, 'LagEdit', 2);
    const [first] = created as [Patient, Patient];
    await waitFor(
      async () => expect((await client.patients.search({ name: lastName })).total).toBe(2),
      { timeout: 15_000, interval: 500 },
    );
    const { wrapper, queryClient } = renderWithClient(<div />, { baseUrl: url });
    const list = renderHook(() => usePatients({ name: lastName }), { wrapper });
    await waitFor(() => expect(list.result.current.data?.total).toBe(2));
    const updater = renderHook(() => useUpdatePatient(), { wrapper });
    const remover = renderHook(() => useDeletePatient(), { wrapper });

    await act(() =>
      updater.result.current.mutateAsync({ id: first.id, patch: { phone: '555-0100' } }),
    );
    const stale = await client.patients.search({ name: lastName });
    expect(stale.data.find((p) => p.id === first.id)?.phone).toBeUndefined();
    await waitFor(() =>
      expect(list.result.current.data?.data.find((p) => p.id === first.id)?.phone).toBe('555-0100'),
    );

    await act(() => remover.result.current.mutateAsync(first.id));
    expect((await client.patients.search({ name: lastName })).total).toBe(2);
    await act(() => queryClient.invalidateQueries({ queryKey: clinikKeys.lists('patients') }));
    expect(list.result.current.data?.data.map((p) => p.id)).not.toContain(first.id);
    expect(list.result.current.data?.total).toBe(1);
  });
});
