'use client';
import type {
  PagingParams,
  PatientCreate,
  PatientPatch,
  PatientSearchParams,
} from '@clinikapi/core';
import type { ClinikQuerySettings } from '../queries/options.js';
import {
  useCreateResource,
  useDeleteResource,
  useInfiniteResourceList,
  useResource,
  useResourceList,
  useUpdateResource,
} from '../queries/useResourceQueries.js';

export type PatientListParams = PatientSearchParams & PagingParams;

/** One cursor page of patients (`count`, `cursor`, filters); keeps the previous page while paging. */
export function usePatients(params?: PatientListParams, settings?: ClinikQuerySettings) {
  return useResourceList('patients', params, settings);
}

/** Patients page after page, for infinite scrolling. */
export function useInfinitePatients(
  params?: Omit<PatientListParams, 'cursor'>,
  settings?: ClinikQuerySettings,
) {
  return useInfiniteResourceList('patients', params, settings);
}

/** One patient by id; idle while `id` is empty. */
export function usePatient(id: string | undefined, settings?: ClinikQuerySettings) {
  return useResource('patients', id, settings);
}

/** Creates a patient: `mutate(body: PatientCreate)`. */
export function useCreatePatient() {
  return useCreateResource('patients');
}

/** Updates a patient: `mutate({ id, patch: PatientPatch })`. */
export function useUpdatePatient() {
  return useUpdateResource('patients');
}

/** Deletes a patient: `mutate(id)`. */
export function useDeletePatient() {
  return useDeleteResource('patients');
}

export type { PatientCreate, PatientPatch };
