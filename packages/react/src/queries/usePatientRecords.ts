'use client';
import type { ResourcePath } from '@clinikapi/core/client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { resourceQueries } from './clinikQueries.js';
import type { ClinikQuerySettings } from './options.js';
import type { RecordOf, SearchParamsOf } from './types.js';

/** Where a patient's records stand: no patient, loading, failed (nothing loaded), or loaded. */
export type PatientRecordsStatus = 'idle' | 'loading' | 'error' | 'ready';

/** The resources searched by `patientId` whose records carry it. */
type PatientScoped = {
  [P in ResourcePath]: RecordOf<P> extends { patientId?: string | undefined }
    ? SearchParamsOf<P> extends { patientId?: string | undefined }
      ? P
      : never
    : never;
}[ResourcePath];

export interface PatientRecords<P extends ResourcePath> {
  status: PatientRecordsStatus;
  /** Every record of the patient (all pages, up to `RANGE_LIMIT`), as stored. */
  records: RecordOf<P>[];
  /** More than `RANGE_LIMIT` (1,000) records: the rest were not loaded. */
  truncated: boolean;
  refetch: () => Promise<unknown>;
  /** Why loading failed (core's typed error), when it did. */
  error: unknown;
}

/**
 * Every record of one patient on a resource path (`GET /v1/{path}?patientId=`, cursors followed).
 * Follows `patientId`: while another patient's records load nothing of the previous patient is
 * returned (no placeholder across patients), and rows of anyone else are dropped whatever a
 * server returns. Idle without a patient.
 */
export function usePatientRecords<P extends PatientScoped>(
  path: P,
  patientId: string | undefined,
  settings?: ClinikQuerySettings,
): PatientRecords<P> {
  const query = useQuery({
    ...resourceQueries(path).range({ patientId: patientId ?? '' } as Omit<
      SearchParamsOf<P>,
      'cursor' | 'count'
    >),
    ...settings,
    enabled: Boolean(patientId) && (settings?.enabled ?? true),
  });
  const data = query.data;
  const records = useMemo(
    () =>
      (data?.data ?? []).filter(
        (record) => (record as { patientId?: string }).patientId === patientId,
      ),
    [data, patientId],
  );
  const status: PatientRecordsStatus = !patientId
    ? 'idle'
    : query.isError && !data
      ? 'error'
      : query.isPending
        ? 'loading'
        : 'ready';
  return {
    status,
    records,
    truncated: data?.hasMore ?? false,
    refetch: query.refetch,
    error: query.error,
  };
}
