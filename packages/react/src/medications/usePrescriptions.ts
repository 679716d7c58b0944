'use client';
import type { Prescription, PrescriptionStatus } from '@clinikapi/core';
import { useQuery } from '@tanstack/react-query';
import type { ListStatusProps } from '../list/ListStatus.js';
import { resourceQueries } from '../queries/clinikQueries.js';
import type { ClinikQuerySettings } from '../queries/options.js';

/** Statuses of a prescription still in force or about to be: listed as current. */
export const CURRENT_STATUSES: readonly PrescriptionStatus[] = ['active', 'on-hold', 'draft'];

const millis = (p: Prescription) => Date.parse(p.authoredOn ?? p.createdAt) || 0;
const newestFirst = (a: Prescription, b: Prescription) => millis(b) - millis(a);

/**
 * Every prescription of a patient (all pages, `sort=-date`), idle without a patient. Keyed by
 * `patientId`: another patient's rows are never shown while the next patient's load.
 */
export function usePatientPrescriptions(
  patientId: string | undefined,
  settings?: ClinikQuerySettings,
) {
  return useQuery({
    ...resourceQueries('prescriptions').range({ patientId: patientId ?? '', sort: '-date' }),
    ...settings,
    enabled: Boolean(patientId) && (settings?.enabled ?? true),
  });
}

/**
 * A patient's medication list, without markup: `current` (active, then on hold, then drafts,
 * newest first within each) and `past` (stopped, completed, cancelled, entered in error; newest
 * first), with the list kit's `status` (loading, error, empty, ready).
 */
export function useMedicationList(patientId: string | undefined, settings?: ClinikQuerySettings) {
  const query = usePatientPrescriptions(patientId, settings);
  const rows = (query.data?.data ?? []).filter((p) => p.patientId === patientId);
  const current = CURRENT_STATUSES.flatMap((status) =>
    rows.filter((p) => p.status === status).sort(newestFirst),
  );
  const past = rows.filter((p) => !CURRENT_STATUSES.includes(p.status)).sort(newestFirst);
  const status: ListStatusProps['status'] = !patientId
    ? 'empty'
    : query.isError
      ? 'error'
      : query.isPending
        ? 'loading'
        : rows.length === 0
          ? 'empty'
          : 'ready';
  return { query, current, past, status, total: rows.length };
}
