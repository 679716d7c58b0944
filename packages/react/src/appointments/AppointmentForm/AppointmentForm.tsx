'use client';
import type { AppointmentType } from '@clinikapi/core';
import { type FormHTMLAttributes, forwardRef, useEffect, useRef } from 'react';
import { ConflictList } from '../../form/ConflictList.js';
import { FormField } from '../../form/FormField.js';
import { cx } from '../../ui/cx.js';
import { PatientPicker } from './PatientPicker.js';
import { PractitionerPicker } from './PractitionerPicker.js';
import { SlotPicker } from './SlotPicker.js';
import {
  type AppointmentChangeField,
  FORM_APPOINTMENT_TYPES,
  type UseAppointmentFormOptions,
  useAppointmentForm,
} from './useAppointmentForm.js';

export interface AppointmentFormProps
  extends UseAppointmentFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children'> {}

/**
 * Books an appointment (or reschedules one, given `appointmentId`): practitioner, date, one of
 * the day's free times in the practice zone, type, reason, note and patient instructions.
 * A time taken meanwhile (409, or a refresh showing it booked) is announced, the times refresh,
 * and every other entry stays. Rescheduling sends only what the user changed, onto the version
 * shown; when someone else changed the appointment first, it shows theirs next to yours.
 * Follows `patientId`, `practitionerId` and `appointmentId`: see `useAppointmentForm`.
 */
export const AppointmentForm = forwardRef<HTMLFormElement, AppointmentFormProps>(
  function AppointmentForm(
    {
      patientId,
      practitionerId,
      appointmentId,
      timeZone,
      durations,
      onBooked,
      messages: messageOverrides,
      className,
      ...rest
    },
    ref,
  ) {
    const form = useAppointmentForm({
      patientId,
      practitionerId,
      appointmentId,
      timeZone,
      durations,
      onBooked,
      messages: messageOverrides,
    });
    const { values, errors, messages, setField } = form;
    const alertRef = useRef<HTMLDivElement>(null);
    const statusRef = useRef<HTMLParagraphElement>(null);

    // After a refused or failed submit, move focus to the announcement so keyboard users land on
    // it. Only then: an announcement while the user types (a time taken meanwhile) keeps focus.
    useEffect(() => {
      if (form.alertFocusRequest > 0) alertRef.current?.focus();
    }, [form.alertFocusRequest]);
    // After a booking, focus moves to its confirmation ("Booked for ..."): the pressed button
    // stays focusable (aria-disabled) while the request runs, and the result is where it lands.
    useEffect(() => {
      if (form.successFocusRequest > 0) statusRef.current?.focus();
    }, [form.successFocusRequest]);

    if (form.loadExistingFailed) {
      return (
        <div role="alert" className="ck-error-text">
          {messages.loadAppointmentFailed}{' '}
          <button type="button" className="ck-button" onClick={form.retryLoad}>
            {messages.retry}
          </button>
        </div>
      );
    }
    if (form.loadingExisting) {
      return (
        <p role="status" className="ck-muted">
          {messages.loadingAppointment}
        </p>
      );
    }

    return (
      <form
        ref={ref}
        noValidate
        className={cx('ck-appointment-form', className)}
        data-state={form.pending ? 'submitting' : form.conflict ? 'conflict' : 'idle'}
        aria-busy={form.pending || undefined}
        {...rest}
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        {patientId || form.rescheduling ? null : (
          <PatientPicker
            value={values.patientId}
            onChange={(id) => setField('patientId', id)}
            error={errors.patientId}
            messages={messages}
          />
        )}
        <PractitionerPicker
          value={values.practitionerId}
          onChange={(id) => setField('practitionerId', id)}
          error={errors.practitionerId}
          messages={messages}
        />
        <FormField label={messages.date} error={errors.day}>
          <input
            type="date"
            value={values.day}
            min={form.today}
            required
            onChange={(event) => setField('day', event.target.value)}
          />
        </FormField>
        <SlotPicker form={form} />
        <FormField label={messages.duration}>
          <select
            value={values.duration ?? ''}
            onChange={(event) =>
              setField('duration', event.target.value ? Number(event.target.value) : undefined)
            }
          >
            <option value="">{messages.slotLength}</option>
            {form.durations.map((minutes) => (
              <option key={minutes} value={minutes}>
                {messages.minutes(minutes)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={messages.appointmentType}>
          <select
            value={values.appointmentType}
            onChange={(event) => setField('appointmentType', event.target.value as AppointmentType)}
          >
            {(FORM_APPOINTMENT_TYPES as readonly string[]).includes(
              values.appointmentType,
            ) ? null : (
              // A stored type the form does not offer stays as it is unless the user picks another.
              <option value={values.appointmentType}>
                {messages.typeLabel(values.appointmentType)}
              </option>
            )}
            {FORM_APPOINTMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {messages.appointmentTypes[type]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={messages.reason} error={errors.reason}>
          <input
            type="text"
            value={values.reason}
            maxLength={500}
            onChange={(e) => setField('reason', e.target.value)}
          />
        </FormField>
        <FormField label={messages.note} error={errors.comment}>
          <textarea
            value={values.comment}
            rows={2}
            onChange={(e) => setField('comment', e.target.value)}
          />
        </FormField>
        <FormField label={messages.patientInstructions} error={errors.patientInstruction}>
          <textarea
            value={values.patientInstruction}
            rows={2}
            onChange={(e) => setField('patientInstruction', e.target.value)}
          />
        </FormField>
        {form.changedElsewhere ? (
          <p role="status" className="ck-form-notice">
            {form.changedElsewhere}
          </p>
        ) : null}
        {form.conflicts.length > 0 ? (
          <ConflictList
            rows={form.conflicts}
            messages={messages}
            onKeepStored={(field) => form.keepStored(field as AppointmentChangeField)}
          />
        ) : null}
        <div ref={alertRef} role="alert" tabIndex={-1} className="ck-form-alert">
          {form.alert}
        </div>
        {/* aria-disabled, not disabled: the pressed button keeps focus while the request runs. */}
        <button
          type="submit"
          className="ck-button ck-button--primary"
          aria-disabled={form.pending || undefined}
        >
          {form.pending
            ? messages.booking
            : form.rescheduling
              ? messages.rescheduleAppointment
              : messages.bookAppointment}
        </button>
        <p ref={statusRef} role="status" tabIndex={-1} className="ck-form-status">
          {form.success}
        </p>
      </form>
    );
  },
);
