'use client';
import type { Allergy, Appointment, Condition, Immunization, Prescription } from '@clinikapi/core';
import { usePatientAllergies } from '../allergies/usePatientAllergies.js';
import { useAppointmentsInRange } from '../appointments/useAppointmentQueries.js';
import { usePatientConditions } from '../conditions/usePatientConditions.js';
import { useImmunizationList } from '../immunizations/useImmunizations.js';
import { useMedicationList } from '../medications/usePrescriptions.js';
import { useClinik } from '../provider/context.js';
import type { VitalReading } from '../vitals/observations.js';
import { usePatientVitals } from '../vitals/usePatientVitals.js';
import { VITAL_KEYS, type VitalKey } from '../vitals/vitalSigns.js';

/** A section's data: loading, failed (with a retry), or ready. */
export type SectionState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; data: T };

/** Appointment statuses that are still ahead of the patient (not cancelled, done or missed). */
const UPCOMING = new Set(['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'waitlist']);

function section<T>(
  status: string,
  error: unknown,
  refetch: () => Promise<unknown>,
  data: () => T,
): SectionState<T> {
  if (status === 'error') return { status: 'error', error, retry: () => void refetch() };
  if (status === 'loading' || status === 'idle') return { status: 'loading' };
  return { status: 'ready', data: data() };
}

/**
 * The chart at a glance for one patient, without markup: active problems (recurrences
 * included), the allergy record's state (current allergies, "No known allergies" recorded, only
 * inactive ones, or not recorded), active and on-hold medications, the latest standing reading of
 * each vital sign, immunizations given (newest first) and upcoming appointments (from now, in
 * start order). Each section loads and fails on its own, from the same queries the full widgets
 * use (so opening a widget reuses the cache), and follows `patientId` like every hook here.
 */
export function useChartSummary(patientId: string) {
  const { now } = useClinik();
  const conditions = usePatientConditions(patientId);
  const allergies = usePatientAllergies(patientId);
  const medications = useMedicationList(patientId);
  const vitals = usePatientVitals(patientId);
  const immunizations = useImmunizationList(patientId);
  const appointments = useAppointmentsInRange(
    { patientId, from: startOfMinute(now()), sort: 'date' },
    { enabled: Boolean(patientId) },
  );

  return {
    problems: section(conditions.status, conditions.error, conditions.refetch, () => ({
      active: conditions.active as readonly Condition[],
      returned: conditions.returned as readonly Condition[],
    })),
    allergies: section(allergies.status, allergies.error, allergies.refetch, () => ({
      state: allergies.state,
      active: allergies.active as readonly Allergy[],
      inactiveCount: allergies.inactive.length,
      contradicted: allergies.contradicted,
    })),
    medications: section(
      medications.status === 'empty' ? 'ready' : medications.status,
      medications.query.error,
      medications.query.refetch,
      () => medications.current as readonly Prescription[],
    ),
    vitals: section(vitals.status, vitals.query.error, vitals.query.refetch, () =>
      VITAL_KEYS.flatMap((vital: VitalKey): VitalReading[] => {
        const latest = vitals.latest(vital);
        return latest ? [latest] : [];
      }),
    ),
    immunizations: section(
      immunizations.status === 'empty' ? 'ready' : immunizations.status,
      immunizations.query.error,
      immunizations.query.refetch,
      () => immunizations.rows as readonly Immunization[],
    ),
    appointments: section(
      appointments.isError ? 'error' : appointments.isPending ? 'loading' : 'ready',
      appointments.error,
      appointments.refetch,
      () =>
        (appointments.data?.data ?? []).filter(
          (a) => a.patientId === patientId && UPCOMING.has(a.status),
        ) as readonly Appointment[],
    ),
  };
}

export type ChartSummary = ReturnType<typeof useChartSummary>;

/** The query bound moves once a minute, not on every render. */
function startOfMinute(date: Date): number {
  return Math.floor(date.getTime() / 60_000) * 60_000;
}
