'use client';
import type { Allergy } from '@clinikapi/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { resourceQueries } from '../queries/clinikQueries.js';
import type { ClinikQuerySettings } from '../queries/options.js';
import { type AllergySummary, summarizeAllergies } from './allergyStatus.js';

/** Where a patient's allergy list stands: no patient, loading, failed, or loaded. */
export type PatientAllergiesStatus = 'idle' | 'loading' | 'error' | 'ready';

export interface PatientAllergies extends AllergySummary {
  status: PatientAllergiesStatus;
  /** Every record of the patient (all pages), as stored. */
  records: Allergy[];
  /** More than `RANGE_LIMIT` (1,000) records: the rest were not loaded. */
  truncated: boolean;
  refetch: () => Promise<unknown>;
  /** Why loading failed (core's typed error), when it did. */
  error: unknown;
}

/**
 * Every allergy record of one patient (`GET /v1/allergies?patientId=`, all pages), classified
 * by `summarizeAllergies`. Follows `patientId`: while another patient's records load, nothing of
 * the previous patient is returned (no placeholder data across patients).
 */
export function usePatientAllergies(
  patientId: string | undefined,
  settings?: ClinikQuerySettings,
): PatientAllergies {
  const query = useQuery({
    ...resourceQueries('allergies').range({ patientId: patientId ?? '' }),
    ...settings,
    enabled: Boolean(patientId) && (settings?.enabled ?? true),
  });
  const data = query.data;
  const records = useMemo(
    // The search is by patient; rows of anyone else are never shown, whatever a server returns.
    () => (data?.data ?? []).filter((allergy) => allergy.patientId === patientId),
    [data, patientId],
  );
  const summary = useMemo(() => summarizeAllergies(records), [records]);
  const status: PatientAllergiesStatus = !patientId
    ? 'idle'
    : query.isError && !data
      ? 'error'
      : query.isPending
        ? 'loading'
        : 'ready';
  return {
    ...summary,
    status,
    error: query.error,
    records,
    truncated: data?.hasMore ?? false,
    refetch: query.refetch,
  };
}
