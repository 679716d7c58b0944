'use client';
import { type FormHTMLAttributes, forwardRef } from 'react';
import { FormMessages } from '../../form/FormMessages.js';
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
      <FormMessages
        form={form}
        labelOf={(field) => m[field]}
        display={(field, value) => shown(m, field, String(value))}
        texts={{
          ...m,
          loading: m.loadingPatient,
          loadFailed: m.loadPatientFailed,
          conflict: m.patientConflict,
          changedElsewhere: m.patientChangedElsewhere,
        }}
      />
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
        <p className="ck-patient-form__notice" {...form.getStatusProps()}>
          {form.notice}
        </p>
      </div>
    </form>
  );
});
