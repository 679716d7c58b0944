'use client';
import type { Patient, PatientSearchParams } from '@clinikapi/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useDebouncedValue } from '../../list/useDebouncedValue.js';
import { useInfinitePatients, usePatients } from '../usePatients.js';

export interface UsePatientListStateOptions {
  /** `pages` shows one cursor page with previous/next; `infinite` appends pages while scrolling. Defaults to `pages`. */
  pagination?: 'pages' | 'infinite' | undefined;
  /** Patients per request (1-100). Defaults to 20 for pages, 50 for infinite. */
  pageSize?: number | undefined;
  /** Wait after the last keystroke before searching, in ms. Defaults to 300. */
  searchDelayMs?: number | undefined;
  /** Fixed filters besides the name search (e.g. `{ active: true }`). Defaults to none. */
  filters?: Omit<PatientSearchParams, 'name'> | undefined;
  /** The selected patient's id, when the parent controls selection. Defaults to internal state. */
  selectedId?: string | undefined;
  /** Called when a row is chosen by click, Enter or Space. */
  onSelect?: ((patient: Patient) => void) | undefined;
}

export type PatientListStatus = 'loading' | 'error' | 'empty' | 'ready';

/** State, data and actions of a patient list, without any markup. */
export function usePatientListState(options: UsePatientListStateOptions = {}) {
  const mode = options.pagination ?? 'pages';
  const pageSize = options.pageSize ?? (mode === 'pages' ? 20 : 50);
  const [search, setSearchValue] = useState('');
  const searchTerm = useDebouncedValue(search.trim(), options.searchDelayMs ?? 300);
  // Cursor of each visited page; index 0 is the first page. Reset on every new search.
  const [cursors, setCursors] = useState<{ term: string; stack: (string | undefined)[] }>({
    term: '',
    stack: [undefined],
  });
  const stack = cursors.term === searchTerm ? cursors.stack : [undefined];
  const pageIndex = stack.length - 1;
  const [ownSelectedId, setOwnSelectedId] = useState<string | undefined>();
  const selectedId = options.selectedId ?? ownSelectedId;

  const baseParams = { ...options.filters, name: searchTerm || undefined, count: pageSize };
  const paged = usePatients(
    { ...baseParams, cursor: stack[pageIndex] },
    { enabled: mode === 'pages' },
  );
  const infinite = useInfinitePatients(baseParams, { enabled: mode === 'infinite' });
  const active = mode === 'pages' ? paged : infinite;

  const patients = useMemo<Patient[]>(
    () =>
      mode === 'pages'
        ? (paged.data?.data ?? [])
        : (infinite.data?.pages.flatMap((page) => page.data) ?? []),
    [mode, paged.data, infinite.data],
  );
  const total =
    mode === 'pages'
      ? paged.data?.total
      : infinite.data?.pages[infinite.data.pages.length - 1]?.total;

  const status: PatientListStatus = active.isError
    ? 'error'
    : active.isPending
      ? 'loading'
      : patients.length === 0
        ? 'empty'
        : 'ready';

  const { onSelect } = options;
  const select = useCallback(
    (patient: Patient) => {
      setOwnSelectedId(patient.id);
      onSelect?.(patient);
    },
    [onSelect],
  );

  const nextCursor = paged.data?.hasMore ? paged.data.cursor : null;
  // While the next page loads the previous one stays on screen: label what is shown.
  const shownIndex = useRef(0);
  if (!paged.isPlaceholderData) shownIndex.current = pageIndex;
  const from = shownIndex.current * pageSize + 1;

  return {
    mode,
    /** What the user typed. */
    search,
    setSearch: setSearchValue,
    /** The debounced, trimmed term the current results are for. */
    searchTerm,
    patients,
    total,
    status,
    error: active.error,
    /** True while any request for the list is in flight (including background refreshes). */
    isFetching: active.isFetching,
    retry: () => void active.refetch(),
    selectedId,
    select,
    pages: {
      pageIndex,
      from: patients.length > 0 ? from : 0,
      to: from + patients.length - 1,
      hasPrevious: mode === 'pages' && pageIndex > 0,
      hasNext: mode === 'pages' && Boolean(nextCursor) && !paged.isPlaceholderData,
      previous: () =>
        setCursors({ term: searchTerm, stack: stack.length > 1 ? stack.slice(0, -1) : stack }),
      next: () => {
        if (nextCursor) setCursors({ term: searchTerm, stack: [...stack, nextCursor] });
      },
    },
    infinite: {
      // Not while an old search's rows stand in for a new one: their cursor is not the new search's.
      hasMore: mode === 'infinite' && Boolean(infinite.hasNextPage) && !infinite.isPlaceholderData,
      isLoadingMore: infinite.isFetchingNextPage,
      loadMore: () => {
        if (infinite.hasNextPage && !infinite.isFetchingNextPage && !infinite.isPlaceholderData) {
          void infinite.fetchNextPage();
        }
      },
    },
  };
}

export type PatientListState = ReturnType<typeof usePatientListState>;
