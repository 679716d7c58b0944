'use client';
import { useMemo } from 'react';
import type { ClinikQuerySettings } from '../queries/options.js';
import {
  type PatientRecords,
  type PatientRecordsStatus,
  usePatientRecords,
} from '../queries/usePatientRecords.js';
import { type AllergySummary, summarizeAllergies } from './allergyStatus.js';

/** Where a patient's allergy list stands: no patient, loading, failed, or loaded. */
export type PatientAllergiesStatus = PatientRecordsStatus;

/** The patient's allergy records (see `usePatientRecords`) and their summary. */
export interface PatientAllergies extends AllergySummary, PatientRecords<'allergies'> {}

/**
 * Every allergy record of one patient (`GET /v1/allergies?patientId=`, all pages), classified
 * by `summarizeAllergies`. Follows `patientId`: while another patient's records load, nothing of
 * the previous patient is returned (no placeholder data across patients).
 */
export function usePatientAllergies(
  patientId: string | undefined,
  settings?: ClinikQuerySettings,
): PatientAllergies {
  const records = usePatientRecords('allergies', patientId, settings);
  const summary = useMemo(() => summarizeAllergies(records.records), [records.records]);
  return { ...summary, ...records };
}
