'use client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type RangeQueryOptions, resourceQueries } from '../queries/clinikQueries.js';
import type { ClinikQuerySettings } from '../queries/options.js';
import { isCurrentResult, readingOf, type VitalReading } from './observations.js';
import type { VitalKey } from './vitalSigns.js';

const observationQueries = resourceQueries('observations');

/** The search behind every vitals widget: all of a patient's observations, latest first. */
export const patientVitalsQuery = (patientId: string): RangeQueryOptions<'observations'> =>
  observationQueries.range({ patientId, sort: '-date' });

const timeOf = (reading: VitalReading) =>
  reading.effectiveDateTime ? Date.parse(reading.effectiveDateTime) : Number.NEGATIVE_INFINITY;

/** Latest first by `effectiveDateTime` (readings without a time last), then by id. */
export function latestFirst(a: VitalReading, b: VitalReading): number {
  const diff = timeOf(b) - timeOf(a);
  if (diff !== 0 && !Number.isNaN(diff)) return diff;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * A patient's vital signs: every Observation of the patient (cursors followed, up to
 * `RANGE_LIMIT`) read as vitals (LOINC-coded, category `vital-signs`), latest first, grouped by
 * vital. Follows `patientId`: while another patient's readings load nothing of the previous one
 * is returned (no placeholder across patients). Idle while `patientId` is empty.
 */
export function usePatientVitals(patientId: string | undefined, settings?: ClinikQuerySettings) {
  const query = useQuery({
    ...patientVitalsQuery(patientId ?? ''),
    ...settings,
    enabled: Boolean(patientId) && (settings?.enabled ?? true),
  });
  const page = query.data;
  const { readings, byVital } = useMemo(() => {
    const list = (page?.data ?? [])
      .filter((o) => o.patientId === patientId)
      .map(readingOf)
      .filter((r): r is VitalReading => r !== undefined)
      .sort(latestFirst);
    const grouped = new Map<VitalKey, VitalReading[]>();
    for (const reading of list) {
      const group = grouped.get(reading.vital);
      if (group) group.push(reading);
      else grouped.set(reading.vital, [reading]);
    }
    return { readings: list, byVital: grouped };
  }, [page, patientId]);
  return {
    query,
    /** Every vital reading, latest first (withdrawn ones included, with their status). */
    readings,
    /** The readings of one vital, latest first. */
    readingsOf: (vital: VitalKey): readonly VitalReading[] => byVital.get(vital) ?? [],
    /** The latest reading of a vital whose values stand (final, amended, corrected). */
    latest: (vital: VitalKey, atOrBefore?: number): VitalReading | undefined =>
      (byVital.get(vital) ?? []).find(
        (r) =>
          isCurrentResult(r.status) &&
          (atOrBefore === undefined ||
            (r.effectiveDateTime !== undefined && Date.parse(r.effectiveDateTime) <= atOrBefore)),
      ),
    /** True when the patient has more observations than one range query collects. */
    truncated: page?.hasMore === true,
    status: (query.isError ? 'error' : query.isPending ? 'loading' : 'ready') as
      | 'loading'
      | 'error'
      | 'ready',
  };
}

export type PatientVitals = ReturnType<typeof usePatientVitals>;
