'use client';
import { type FormHTMLAttributes, forwardRef, useEffect, useRef, useState } from 'react';
import { cx } from '../components/cx.js';
import { FormField } from './FormField.js';
import { PatientPicker } from './PatientPicker.js';
import { PractitionerPicker } from './PractitionerPicker.js';
import { SlotPicker } from './SlotPicker.js';
import {
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
 * A time taken meanwhile (409) is announced, the times refresh, and every other entry stays.
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
    const submitCount = useRef(0);
    const [lastSubmit, setLastSubmit] = useState(0);

    // After a refused submit, move focus to the announcement so keyboard users land on it.
    useEffect(() => {
      if (lastSubmit > 0 && form.alert) alertRef.current?.focus();
    }, [lastSubmit, form.alert]);

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
        onSubmit={async (event) => {
          event.preventDefault();
          await form.submit();
          submitCount.current += 1;
          setLastSubmit(submitCount.current);
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
            onChange={(event) =>
              setField(
                'appointmentType',
                event.target.value as (typeof FORM_APPOINTMENT_TYPES)[number],
              )
            }
          >
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
        <div ref={alertRef} role="alert" tabIndex={-1} className="ck-form-alert">
          {form.alert}
        </div>
        <button type="submit" className="ck-button ck-button--primary" disabled={form.pending}>
          {form.pending
            ? messages.booking
            : form.rescheduling
              ? messages.rescheduleAppointment
              : messages.bookAppointment}
        </button>
        <p role="status" className="ck-form-status">
          {form.success}
        </p>
      </form>
    );
  },
);
