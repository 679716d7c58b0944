'use client';
import type { Patient } from '@clinikapi/core';
import { forwardRef, type HTMLAttributes } from 'react';
import type { ClinikMessages } from '../../messages.js';
import { useMessages } from '../../provider/context.js';
import { cx } from '../../ui/cx.js';
import { usePatient } from '../usePatients.js';
import { usePatientCardDetails } from './usePatientCardDetails.js';

export interface PatientCardProps extends HTMLAttributes<HTMLElement> {
  /** The patient to show, when you already have it. */
  patient?: Patient | undefined;
  /** Or an id to load (ignored when `patient` is given). */
  patientId?: string | undefined;
  /** Label overrides. Defaults to the provider's messages. */
  messages?: Partial<ClinikMessages> | undefined;
}

/** A compact patient summary (name, age, gender, contact) for headers and pickers. */
export const PatientCard = forwardRef<HTMLElement, PatientCardProps>(function PatientCard(
  { patient: given, patientId, messages: overrides, className, ...rest },
  ref,
) {
  const messages = useMessages(overrides);
  const loaded = usePatient(given ? undefined : patientId);
  const patient = given ?? loaded.data;
  const summary = usePatientCardDetails(patient, overrides);
  const state = summary ? 'ready' : loaded.isError ? 'error' : 'loading';

  return (
    <article
      ref={ref}
      className={cx('ck-patient-card', className)}
      data-state={state}
      aria-label={summary?.name}
      aria-busy={state === 'loading'}
      {...rest}
    >
      {state === 'loading' && <p role="status">{messages.loadingPatient}</p>}
      {state === 'error' && <p role="alert">{messages.loadPatientFailed}</p>}
      {summary && (
        <>
          <p className="ck-patient-card__name">{summary.name}</p>
          <dl className="ck-patient-card__details">
            {summary.ageLabel && (
              <div>
                <dt>{messages.age}</dt>
                <dd>
                  {summary.ageLabel}
                  {summary.birthDateLabel && (
                    <>
                      {' '}
                      (<time dateTime={patient?.birthDate}>{summary.birthDateLabel}</time>)
                    </>
                  )}
                </dd>
              </div>
            )}
            {summary.genderLabel && (
              <div>
                <dt>{messages.gender}</dt>
                <dd>{summary.genderLabel}</dd>
              </div>
            )}
            {(summary.phone || summary.email) && (
              <div>
                <dt>{messages.contact}</dt>
                <dd>
                  {summary.phone && (
                    <a href={`tel:${summary.phone.replace(/[^\d+]/g, '')}`}>{summary.phone}</a>
                  )}
                  {summary.phone && summary.email && ' · '}
                  {summary.email && <a href={`mailto:${summary.email}`}>{summary.email}</a>}
                </dd>
              </div>
            )}
          </dl>
        </>
      )}
    </article>
  );
});
