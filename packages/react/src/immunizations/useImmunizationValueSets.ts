'use client';
import { useQuery } from '@tanstack/react-query';

/** The curated sites, routes and reasons of the immunization form, loaded on first use. */
export function useImmunizationValueSets() {
  const query = useQuery({
    queryKey: ['clinik-terminology', 'value-sets', 'immunizations'],
    queryFn: () => import('./valueSets.js'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  return query.data;
}
