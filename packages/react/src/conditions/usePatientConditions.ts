'use client';
import type { Condition } from '@clinikapi/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { resourceQueries } from '../queries/clinikQueries.js';
import type { ClinikQuerySettings } from '../queries/options.js';
import { groupProblems, type ProblemList } from './conditionStatus.js';

export type PatientConditionsStatus = 'idle' | 'loading' | 'error' | 'ready';

export interface PatientConditions extends ProblemList {
  status: PatientConditionsStatus;
  records: Condition[];
  /** More than `RANGE_LIMIT` (1,000) records: the rest were not loaded. */
  truncated: boolean;
  refetch: () => Promise<unknown>;
  /** Why loading failed (core's typed error), when it did. */
  error: unknown;
}

/**
 * Every condition of one patient (`GET /v1/conditions?patientId=`, all pages), grouped as a
 * problem list by `groupProblems`. Follows `patientId`: while another patient's records load,
 * nothing of the previous patient is returned.
 */
export function usePatientConditions(
  patientId: string | undefined,
  settings?: ClinikQuerySettings,
): PatientConditions {
  const query = useQuery({
    ...resourceQueries('conditions').range({ patientId: patientId ?? '' }),
    ...settings,
    enabled: Boolean(patientId) && (settings?.enabled ?? true),
  });
  const data = query.data;
  const records = useMemo(
    () => (data?.data ?? []).filter((condition) => condition.patientId === patientId),
    [data, patientId],
  );
  const groups = useMemo(() => groupProblems(records), [records]);
  const status: PatientConditionsStatus = !patientId
    ? 'idle'
    : query.isError && !data
      ? 'error'
      : query.isPending
        ? 'loading'
        : 'ready';
  return {
    ...groups,
    status,
    records,
    truncated: data?.hasMore ?? false,
    refetch: query.refetch,
    error: query.error,
  };
}
