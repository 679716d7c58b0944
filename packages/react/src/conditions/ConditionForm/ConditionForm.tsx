'use client';
import { type FormHTMLAttributes, forwardRef } from 'react';
import { CodeInput } from '../../coded/CodeInput.js';
import { codeValueLabel } from '../../coded/codeValue.js';
import { CODE_SYSTEMS } from '../../coded/systems.js';
import { FormField } from '../../form/FormField.js';
import { FormMessages } from '../../form/FormMessages.js';
import { SelectField } from '../../form/SelectField.js';
import { cx } from '../../ui/cx.js';
import {
  CONDITION_CLINICAL_STATUSES,
  CONDITION_SEVERITIES,
  CONDITION_VERIFICATION_STATUSES,
} from '../codes.js';
import type { ConditionMessages } from '../conditionMessages.js';
import type { ConditionFieldName, ConditionFormValues } from './fields.js';
import { type UseConditionFormOptions, useConditionForm } from './useConditionForm.js';

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
        <FormField {...form.getFormFieldProps('code')} description={m.codeHint} required>
          <CodeInput
            key={`${patientId ?? ''}|${conditionId ?? 'new'}`}
            valueSet="problems"
            systems={form.codeSystems ?? DEFAULT_SYSTEMS}
            allowFreeText
            messages={m.coded}
            {...form.getCodeProps()}
          />
        </FormField>
        <div className="ck-condition-form__row">
          <SelectField
            form={form}
            name="clinicalStatus"
            options={CONDITION_CLINICAL_STATUSES}
            labels={m.clinicalStatusLabels}
            empty={m.choose}
            required={form.values.verificationStatus !== 'entered-in-error'}
          />
          <SelectField
            form={form}
            name="verificationStatus"
            options={CONDITION_VERIFICATION_STATUSES}
            labels={m.verificationStatusLabels}
            empty={m.choose}
            required
          />
          <SelectField
            form={form}
            name="severity"
            options={CONDITION_SEVERITIES}
            labels={m.severityLabels}
            empty={m.unset}
          />
        </div>
        <div className="ck-condition-form__row">
          <FormField {...form.getFormFieldProps('onsetDateTime')} description={m.dateHint}>
            <input
              className="ck-input"
              inputMode="numeric"
              autoComplete="off"
              placeholder="YYYY-MM-DD"
              {...form.getFieldProps('onsetDateTime')}
            />
          </FormField>
          <FormField {...form.getFormFieldProps('abatementDateTime')} description={m.abatementHint}>
            <input
              className="ck-input"
              inputMode="numeric"
              autoComplete="off"
              placeholder="YYYY-MM-DD"
              {...form.getFieldProps('abatementDateTime')}
            />
          </FormField>
        </div>
        <FormField {...form.getFormFieldProps('note')}>
          <textarea className="ck-input" rows={3} {...form.getFieldProps('note')} />
        </FormField>
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
        <p className="ck-form-status" {...form.getStatusProps()}>
          {form.notice}
        </p>
      </div>
    </form>
  );
});
