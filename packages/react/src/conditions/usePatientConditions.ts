'use client';
import { useMemo } from 'react';
import type { ClinikQuerySettings } from '../queries/options.js';
import {
  type PatientRecords,
  type PatientRecordsStatus,
  usePatientRecords,
} from '../queries/usePatientRecords.js';
import { groupProblems, type ProblemList } from './conditionStatus.js';

export type PatientConditionsStatus = PatientRecordsStatus;

/** The patient's condition records (see `usePatientRecords`), grouped as a problem list. */
export interface PatientConditions extends ProblemList, PatientRecords<'conditions'> {}

/**
 * Every condition of one patient (`GET /v1/conditions?patientId=`, all pages), grouped as a
 * problem list by `groupProblems`. Follows `patientId`: while another patient's records load,
 * nothing of the previous patient is returned.
 */
export function usePatientConditions(
  patientId: string | undefined,
  settings?: ClinikQuerySettings,
): PatientConditions {
  const records = usePatientRecords('conditions', patientId, settings);
  const groups = useMemo(() => groupProblems(records.records), [records.records]);
  return { ...groups, ...records };
}
