'use client';
import { type FormHTMLAttributes, forwardRef, type ReactNode } from 'react';
import { CodeInput } from '../../coded/CodeInput.js';
import { codeValueLabel } from '../../coded/codeValue.js';
import { CODE_SYSTEMS } from '../../coded/systems.js';
import { FormMessages } from '../../form/FormMessages.js';
import { cx } from '../../ui/cx.js';
import {
  CONDITION_CLINICAL_STATUSES,
  CONDITION_SEVERITIES,
  CONDITION_VERIFICATION_STATUSES,
} from '../codes.js';
import type { ConditionMessages } from '../conditionMessages.js';
import type { ConditionFieldName, ConditionFormValues } from './fields.js';
import {
  type ConditionFormState,
  type UseConditionFormOptions,
  useConditionForm,
} from './useConditionForm.js';

export interface ConditionFormProps
  extends UseConditionFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {}

const DEFAULT_SYSTEMS = [CODE_SYSTEMS.snomed, CODE_SYSTEMS.icd10cm];

/** A stored or typed value as the conflict list shows it. */
function shown(m: ConditionMessages, field: ConditionFieldName, value: unknown): string {
  if (field === 'code') return codeValueLabel(value as ConditionFormValues['code']);
  const text = String(value ?? '');
  if (field === 'clinicalStatus') return m.clinicalStatusLabels[text as 'active'] ?? text;
  if (field === 'verificationStatus')
    return m.verificationStatusLabels[text as 'confirmed'] ?? text;
  if (field === 'severity') return m.severityLabels[text as 'mild'] ?? text;
  return text;
}

function Field({
  form,
  name,
  hint,
  children,
}: {
  form: ConditionFormState;
  name: ConditionFieldName;
  hint?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const error = form.fieldErrors[name];
  const hintId = `${form.fieldId(name)}-hint`;
  const describedBy = [hint ? hintId : undefined, error ? form.errorId(name) : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="ck-field" data-state={error ? 'invalid' : undefined}>
      <label className="ck-label" htmlFor={form.fieldId(name)}>
        {form.labelOf(name)}
      </label>
      {children(describedBy || undefined)}
      {hint && (
        <p id={hintId} className="ck-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={form.errorId(name)} className="ck-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

function Select({
  form,
  name,
  options,
  labels,
  empty,
  required,
}: {
  form: ConditionFormState;
  name: 'clinicalStatus' | 'verificationStatus' | 'severity';
  options: readonly string[];
  labels: Record<string, string>;
  empty: string;
  required?: boolean;
}) {
  return (
    <Field form={form} name={name}>
      {(describedBy) => (
        <select
          className="ck-input ck-select"
          aria-required={required || undefined}
          {...form.getFieldProps(name)}
          aria-describedby={describedBy}
        >
          <option value="">{empty}</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {labels[option]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Add or edit one problem-list entry of a patient: the problem (SNOMED CT or ICD-10-CM, or
 * text), clinical status (active, recurrence, relapse, inactive, remission, resolved),
 * verification, severity, onset and abatement (year, month or date; abatement only once the
 * problem has abated) and a note. Saves only edited fields onto the version shown, shows
 * conflicts, maps server issues onto fields. `data-state`: the form kit's status.
 */
export const ConditionForm = forwardRef<HTMLFormElement, ConditionFormProps>(function ConditionForm(
  { patientId, conditionId, onSaved, defaultValues, codeSystems, messages, className, ...rest },
  ref,
) {
  const form = useConditionForm({
    patientId,
    conditionId,
    onSaved,
    defaultValues,
    codeSystems,
    messages,
  });
  const m = form.messages;
  const unavailable =
    form.status === 'loading' || form.status === 'load-error' || form.otherPatient;
  const saving = form.status === 'submitting';
  const codeError = form.fieldErrors.code;
  const codeHintId = `${form.fieldId('code')}-hint`;

  return (
    <form
      ref={ref}
      className={cx('ck-condition-form', className)}
      data-state={form.status}
      {...rest}
      {...form.getFormProps()}
    >
      <FormMessages
        form={form}
        labelOf={form.labelOf}
        display={(field, value) => shown(m, field, value)}
        refusal={form.otherPatient ? m.otherPatient : undefined}
        texts={{
          ...m,
          loading: m.loadingProblem,
          loadFailed: m.loadProblemFailed,
          conflict: m.problemConflict,
          changedElsewhere: m.problemChangedElsewhere,
        }}
      />
      <fieldset className="ck-condition-form__fields" disabled={unavailable}>
        <div className="ck-field" data-state={codeError ? 'invalid' : undefined}>
          <label className="ck-label" htmlFor={form.fieldId('code')}>
            {m.code}
          </label>
          <CodeInput
            key={`${patientId ?? ''}|${conditionId ?? 'new'}`}
            valueSet="problems"
            systems={form.codeSystems ?? DEFAULT_SYSTEMS}
            allowFreeText
            aria-required
            messages={m.coded}
            {...form.getCodeProps()}
            aria-describedby={[codeHintId, codeError ? form.errorId('code') : undefined]
              .filter(Boolean)
              .join(' ')}
          />
          <p id={codeHintId} className="ck-field__hint">
            {m.codeHint}
          </p>
          {codeError && (
            <p id={form.errorId('code')} className="ck-field__error">
              {codeError}
            </p>
          )}
        </div>
        <div className="ck-condition-form__row">
          <Select
            form={form}
            name="clinicalStatus"
            options={CONDITION_CLINICAL_STATUSES}
            labels={m.clinicalStatusLabels}
            empty={m.choose}
            required={form.values.verificationStatus !== 'entered-in-error'}
          />
          <Select
            form={form}
            name="verificationStatus"
            options={CONDITION_VERIFICATION_STATUSES}
            labels={m.verificationStatusLabels}
            empty={m.choose}
            required
          />
          <Select
            form={form}
            name="severity"
            options={CONDITION_SEVERITIES}
            labels={m.severityLabels}
            empty={m.unset}
          />
        </div>
        <div className="ck-condition-form__row">
          <Field form={form} name="onsetDateTime" hint={m.dateHint}>
            {(describedBy) => (
              <input
                className="ck-input"
                inputMode="numeric"
                autoComplete="off"
                placeholder="YYYY-MM-DD"
                {...form.getFieldProps('onsetDateTime')}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <Field form={form} name="abatementDateTime" hint={m.abatementHint}>
            {(describedBy) => (
              <input
                className="ck-input"
                inputMode="numeric"
                autoComplete="off"
                placeholder="YYYY-MM-DD"
                {...form.getFieldProps('abatementDateTime')}
                aria-describedby={describedBy}
              />
            )}
          </Field>
        </div>
        <Field form={form} name="note">
          {(describedBy) => (
            <textarea
              className="ck-input"
              rows={3}
              {...form.getFieldProps('note')}
              aria-describedby={describedBy}
            />
          )}
        </Field>
      </fieldset>
      <div className="ck-condition-form__actions">
        <button
          type="submit"
          className="ck-button ck-button--primary"
          disabled={unavailable}
          aria-disabled={saving || undefined}
        >
          {saving ? m.savingProblem : m.saveProblem}
        </button>
        <p className="ck-form-status" role="status">
          {form.notice}
        </p>
      </div>
    </form>
  );
});
