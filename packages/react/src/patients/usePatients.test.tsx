import { ClinikNotFoundError, ClinikValidationError } from '@clinikapi/core';
import { renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clinikQueries } from '../queries/clinikQueries.js';
import { useResourceList } from '../queries/useResourceQueries.js';
import type { FakeClinikApi } from '../test/fakeApi.js';
import { startFakeApiServer } from '../test/fakeServer.js';
import { makePatients } from '../test/fixtures.js';
import { createTestQueryClient, renderWithClient } from '../test/renderWithClient.js';
import {
  useCreatePatient,
  useDeletePatient,
  useInfinitePatients,
  usePatient,
  usePatients,
  useUpdatePatient,
} from './usePatients.js';

let api: FakeClinikApi;
let server: Awaited<ReturnType<typeof startFakeApiServer>>;

beforeAll(async () => {
  server = await startFakeApiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  api = server.reset(makePatients(45));
});

function hookWrapper() {
  const queryClient = createTestQueryClient();
  const { wrapper } = renderWithClient(<div />, { baseUrl: server.baseUrl, queryClient });
  return { wrapper, queryClient };
}

describe('usePatients', () => {
  it('fetches one cursor page through the proxy path and keeps it while the next loads', async () => {
    const { wrapper } = hookWrapper();
    const { result, rerender } = renderHook(
      ({ cursor }: { cursor?: string }) => usePatients({ count: 20, cursor }),
      { wrapper, initialProps: {} },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data).toHaveLength(20);
    expect(result.current.data?.total).toBe(45);
    expect(api.log[0]).toBe('GET /api/clinik/v1/patients?count=20');

    const firstPage = result.current.data;
    const hold = api.hold();
    rerender({ cursor: firstPage?.cursor ?? undefined });
    // keepPreviousData: the old page stays while the next one is in flight.
    expect(result.current.data).toBe(firstPage);
    expect(result.current.isPlaceholderData).toBe(true);
    hold.release();
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data?.data[0]?.id).toBe('pat-00020');
  });

  it('sends filters and shares one cache entry for equal params', async () => {
    const { wrapper, queryClient } = hookWrapper();
    const { result } = renderHook(() => usePatients({ name: 'ada', email: '' }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(api.log).toEqual(['GET /api/clinik/v1/patients?name=ada']);
    expect(queryClient.getQueryData(clinikQueries.patients.list({ name: 'ada' }).queryKey)).toBe(
      result.current.data,
    );
  });
});

describe('useInfinitePatients', () => {
  it('never shows a patient twice when an offset cursor shifts under an insert (the hosted API may use offsets)', async () => {
    api = server.reset(makePatients(15));
    const { wrapper } = hookWrapper();
    const { result } = renderHook(() => useInfinitePatients({ count: 10 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    // Someone creates two patients at the front: the next offset page repeats two of page 1.
    api.patients.unshift(...makePatients(2).map((p, i) => ({ ...p, id: `pat-front-${i}` })));
    void result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    const ids = result.current.data?.pages.flatMap((page) => page.data.map((p) => p.id)) ?? [];
    expect(ids).toHaveLength(new Set(ids).size);
    expect(ids).toHaveLength(15);
  });

  it('follows cursors page after page and stops at the last one', async () => {
    const { wrapper } = hookWrapper();
    const { result } = renderHook(() => useInfinitePatients({ count: 20 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    void result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    void result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(3));
    expect(result.current.data?.pages.flatMap((p) => p.data)).toHaveLength(45);
    expect(result.current.hasNextPage).toBe(false);
  });
});

describe('useInfinitePatients with new filters', () => {
  it('keeps the previous results on screen until the new search answers', async () => {
    const { wrapper } = hookWrapper();
    const { result, rerender } = renderHook(
      ({ name }: { name?: string }) => useInfinitePatients({ name, count: 20 }),
      { wrapper, initialProps: {} },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const previous = result.current.data;
    const hold = api.hold();
    rerender({ name: 'grace' });
    expect(result.current.data).toBe(previous);
    expect(result.current.isPlaceholderData).toBe(true);
    hold.release();
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data?.pages[0]?.data.every((p) => p.firstName === 'Grace')).toBe(true);
  });
});

describe('usePatient', () => {
  it('reads one patient, and stays idle without an id', async () => {
    const { wrapper } = hookWrapper();
    const { result, rerender } = renderHook(({ id }: { id?: string }) => usePatient(id), {
      wrapper,
      initialProps: {},
    });
    expect(result.current.fetchStatus).toBe('idle');
    expect(api.log).toEqual([]);
    rerender({ id: 'pat-00003' });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.fullName).toBe('Katherine Lovelace');
  });

  it("surfaces core's typed errors", async () => {
    const { wrapper } = hookWrapper();
    const { result } = renderHook(() => usePatient('missing-id'), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ClinikNotFoundError);
  });
});

describe('patient mutations', () => {
  it('create refreshes every patient list and caches the new detail', async () => {
    const { wrapper, queryClient } = hookWrapper();
    const { result } = renderHook(
      () => ({ list: usePatients({ name: 'Zelda' }), create: useCreatePatient() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    expect(result.current.list.data?.total).toBe(0);

    const created = await result.current.create.mutateAsync({
      firstName: 'Zelda',
      lastName: 'Fitzgerald',
    });
    await waitFor(() => expect(result.current.list.data?.total).toBe(1));
    expect(queryClient.getQueryData(clinikQueries.patients.detail(created.id).queryKey)).toEqual(
      created,
    );
  });

  it('create rejects with a ClinikValidationError carrying the issues of a 422', async () => {
    const { wrapper } = hookWrapper();
    const { result } = renderHook(() => useCreatePatient(), { wrapper });
    const error = await result.current
      .mutateAsync({ firstName: 'Zelda' } as unknown as { firstName: string; lastName: string })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinikValidationError);
    expect((error as ClinikValidationError).issues[0]?.diagnostics).toBe('lastName is required');
  });

  it('update replaces the cached detail and refreshes lists; delete removes the detail', async () => {
    const { wrapper, queryClient } = hookWrapper();
    const { result } = renderHook(
      () => ({
        detail: usePatient('pat-00000'),
        list: usePatients({ name: 'Ada' }),
        update: useUpdatePatient(),
        remove: useDeletePatient(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.detail.isSuccess).toBe(true));
    const adaCount = result.current.list.data?.total ?? 0;

    await result.current.update.mutateAsync({ id: 'pat-00000', patch: { firstName: 'Augusta' } });
    await waitFor(() => expect(result.current.detail.data?.fullName).toBe('Augusta Lovelace'));
    await waitFor(() => expect(result.current.list.data?.total).toBe(adaCount - 1));

    await result.current.remove.mutateAsync('pat-00000');
    expect(
      queryClient.getQueryState(clinikQueries.patients.detail('pat-00000').queryKey),
    ).toBeUndefined();
  });
});

describe('generic resource hooks', () => {
  it('builds requests from the registry path', async () => {
    const { wrapper } = hookWrapper();
    const { result } = renderHook(() => useResourceList('care-plans', { patientId: 'pat-1' }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(api.log).toEqual(['GET /api/clinik/v1/care-plans?patientId=pat-1']);
  });
});
