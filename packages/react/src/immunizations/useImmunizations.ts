'use client';
import type { Immunization } from '@clinikapi/core';
import { useQuery } from '@tanstack/react-query';
import type { ListStatusProps } from '../list/ListStatus.js';
import { resourceQueries } from '../queries/clinikQueries.js';
import type { ClinikQuerySettings } from '../queries/options.js';

/**
 * Every immunization of a patient (all pages, `sort=-date`), idle without a patient. Keyed by
 * `patientId`: another patient's rows are never shown while the next patient's load.
 */
export function usePatientImmunizations(
  patientId: string | undefined,
  settings?: ClinikQuerySettings,
) {
  return useQuery({
    ...resourceQueries('immunizations').range({ patientId: patientId ?? '', sort: '-date' }),
    ...settings,
    enabled: Boolean(patientId) && (settings?.enabled ?? true),
  });
}

const newestFirst = (a: Immunization, b: Immunization) =>
  (Date.parse(b.occurrenceDateTime) || 0) - (Date.parse(a.occurrenceDateTime) || 0);

/**
 * A patient's immunization history, without markup: newest first, records entered in error left
 * out unless `includeEnteredInError`, with the list kit's `status`.
 */
export function useImmunizationList(
  patientId: string | undefined,
  {
    includeEnteredInError = false,
    ...settings
  }: ClinikQuerySettings & {
    /** Also list records marked entered in error. Defaults to false. */
    includeEnteredInError?: boolean | undefined;
  } = {},
) {
  const query = usePatientImmunizations(patientId, settings);
  const rows = (query.data?.data ?? [])
    .filter((i) => i.patientId === patientId)
    .filter((i) => includeEnteredInError || i.status !== 'entered-in-error')
    .sort(newestFirst);
  const status: ListStatusProps['status'] = !patientId
    ? 'empty'
    : query.isError
      ? 'error'
      : query.isPending
        ? 'loading'
        : rows.length === 0
          ? 'empty'
          : 'ready';
  return { query, rows, status };
}
