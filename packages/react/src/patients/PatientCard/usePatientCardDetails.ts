'use client';
import type { Patient } from '@clinikapi/core';
import type { ClinikMessages } from '../../messages.js';
import { useClinik, useMessages } from '../../provider/context.js';
import { ageInYears, formatCalendarDate } from '../../time/dates.js';

export interface PatientCardDetails {
  name: string;
  /** Whole years, from the birth date and today in the provider's time zone. */
  age: number | undefined;
  ageLabel: string | undefined;
  birthDateLabel: string | undefined;
  genderLabel: string | undefined;
  phone: string | undefined;
  email: string | undefined;
}

/** The display values of a patient card, without markup. */
export function usePatientCardDetails(
  patient: Patient | undefined,
  overrides?: Partial<ClinikMessages>,
): PatientCardDetails | undefined {
  const { locale, timeZone, now } = useClinik();
  const messages = useMessages(overrides);
  if (!patient) return undefined;
  const age = ageInYears(patient.birthDate, now(), timeZone);
  return {
    name: patient.fullName,
    age,
    ageLabel: age === undefined ? undefined : messages.ageValue(age),
    birthDateLabel: patient.birthDate ? formatCalendarDate(patient.birthDate, locale) : undefined,
    genderLabel: patient.gender ? messages.genderLabels[patient.gender] : undefined,
    phone: patient.phone,
    email: patient.email,
  };
}

/** @deprecated Renamed `usePatientCardDetails` (`PatientSummary` is now the chart summary). */
export const usePatientSummary = usePatientCardDetails;
