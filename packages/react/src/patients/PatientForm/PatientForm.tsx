'use client';
import { type FormHTMLAttributes, forwardRef } from 'react';
import { ConflictList } from '../../form/ConflictList.js';
import type { ClinikMessages } from '../../messages.js';
import { cx } from '../../ui/cx.js';
import type { PatientFieldName } from './fields.js';
import {
  type PatientFormState,
  type UsePatientFormOptions,
  usePatientForm,
} from './usePatientForm.js';

export interface PatientFormProps
  extends UsePatientFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {}

const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** A stored or typed value as the form shows it (genders by label). */
const shown = (m: ClinikMessages, field: PatientFieldName, value: string) =>
  field === 'gender' && value in m.genderLabels
    ? m.genderLabels[value as keyof typeof m.genderLabels]
    : value;

function Field({
  form,
  name,
  type = 'text',
  autoComplete,
  required,
}: {
  form: PatientFormState;
  name: PatientFieldName;
  type?: 'text' | 'email' | 'tel' | 'date';
  autoComplete?: string;
  required?: boolean;
}) {
  const error = form.fieldErrors[name];
  return (
    <div className="ck-field" data-state={error ? 'invalid' : undefined}>
      <label className="ck-label" htmlFor={form.getLabelProps(name).htmlFor}>
        {form.messages[name]}
      </label>
      <input
        className="ck-input"
        type={type}
        autoComplete={autoComplete}
        aria-required={required || undefined}
        {...form.getFieldProps(name)}
      />
      {error && (
        <p className="ck-field__error" {...form.getErrorProps(name)}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Create or edit a patient; validates with core's schemas and maps server issues onto fields. */
export const PatientForm = forwardRef<HTMLFormElement, PatientFormProps>(function PatientForm(
  { patientId, onSaved, defaultValues, messages, className, ...rest },
  ref,
) {
  const form = usePatientForm({ patientId, onSaved, defaultValues, messages });
  const m = form.messages;
  const genderError = form.fieldErrors.gender;
  // Nothing to edit until the patient of this id is loaded. While saving, nothing is disabled:
  // a disabled control drops keyboard focus to <body>; a second submit is ignored instead.
  const unavailable = form.status === 'loading' || form.status === 'load-error';
  const saving = form.status === 'submitting';

  return (
    <form
      ref={ref}
      className={cx('ck-patient-form', className)}
      data-state={form.status}
      {...rest}
      {...form.getFormProps()}
    >
      {form.status === 'loading' && (
        <p className="ck-patient-form__message" role="status">
          {m.loadingPatient}
        </p>
      )}
      {form.status === 'load-error' && (
        <div className="ck-alert" role="alert">
          <span>{m.loadPatientFailed}</span>{' '}
          <button type="button" className="ck-button" onClick={form.retryLoad}>
            {m.retry}
          </button>
        </div>
      )}
      {form.status === 'conflict' ? (
        <div className="ck-alert" role="alert">
          <p>{m.patientConflict(form.changedFields.map((field) => m[field]))}</p>
        </div>
      ) : (
        form.changedElsewhere && (
          <p className="ck-patient-form__message" role="status">
            {m.patientChangedElsewhere(form.changedFields.map((field) => m[field]))}
          </p>
        )
      )}
      {form.conflicts.length > 0 && (
        <ConflictList
          id={form.conflictsId}
          messages={m}
          onKeepStored={(field) => form.keepTheirs(field as PatientFieldName)}
          rows={form.conflicts.map(({ field, theirs, yours }) => ({
            field,
            label: m[field],
            theirs: shown(m, field, theirs),
            yours: shown(m, field, yours),
          }))}
        />
      )}
      {form.formErrors.length > 0 && (
        <div className="ck-alert" role="alert">
          {form.formErrors.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}
      <fieldset className="ck-patient-form__fields" disabled={unavailable}>
        <Field form={form} name="firstName" autoComplete="off" required />
        <Field form={form} name="lastName" autoComplete="off" required />
        <Field form={form} name="birthDate" type="date" />
        <div className="ck-field" data-state={genderError ? 'invalid' : undefined}>
          <label className="ck-label" htmlFor={form.getLabelProps('gender').htmlFor}>
            {m.gender}
          </label>
          <select className="ck-input ck-select" {...form.getFieldProps('gender')}>
            <option value="">{m.genderUnset}</option>
            {GENDERS.map((gender) => (
              <option key={gender} value={gender}>
                {m.genderLabels[gender]}
              </option>
            ))}
          </select>
          {genderError && (
            <p className="ck-field__error" {...form.getErrorProps('gender')}>
              {genderError}
            </p>
          )}
        </div>
        <Field form={form} name="email" type="email" autoComplete="off" />
        <Field form={form} name="phone" type="tel" autoComplete="off" />
        <fieldset className="ck-patient-form__address">
          <legend>{m.addressSection}</legend>
          <Field form={form} name="addressLine" autoComplete="off" />
          <Field form={form} name="city" autoComplete="off" />
          <Field form={form} name="state" autoComplete="off" />
          <Field form={form} name="postalCode" autoComplete="off" />
          <Field form={form} name="country" autoComplete="off" />
        </fieldset>
      </fieldset>
      <div className="ck-patient-form__actions">
        <button
          type="submit"
          className="ck-button ck-button--primary"
          disabled={unavailable}
          aria-disabled={saving || undefined}
        >
          {form.status === 'submitting' ? m.savingPatient : m.savePatient}
        </button>
        <p className="ck-patient-form__notice" role="status">
          {form.notice}
        </p>
      </div>
    </form>
  );
});
