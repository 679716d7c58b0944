'use client';
import { useQuery } from '@tanstack/react-query';

/** The curated value sets of the prescription form and status panel, loaded on first use. */
export function useMedicationValueSets() {
  const query = useQuery({
    queryKey: ['clinik-terminology', 'value-sets', 'medications'],
    queryFn: () => import('./valueSets.js'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  return query.data;
}
