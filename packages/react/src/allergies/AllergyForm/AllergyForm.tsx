'use client';
import { type FormHTMLAttributes, forwardRef } from 'react';
import { CodeInput } from '../../coded/CodeInput.js';
import { codeValueLabel } from '../../coded/codeValue.js';
import { FieldError, FormField } from '../../form/FormField.js';
import { FormMessages } from '../../form/FormMessages.js';
import { SelectField } from '../../form/SelectField.js';
import { cx } from '../../ui/cx.js';
import type { AllergyMessages } from '../allergyMessages.js';
import {
  ALLERGY_CATEGORIES,
  ALLERGY_CLINICAL_STATUSES,
  ALLERGY_CRITICALITIES,
  ALLERGY_TYPES,
  ALLERGY_VERIFICATION_STATUSES,
  REACTION_SEVERITIES,
} from '../codes.js';
import { type AllergyFieldName, type AllergyFormValues, reactionsBody } from './fields.js';
import {
  type AllergyFormState,
  type UseAllergyFormOptions,
  useAllergyForm,
} from './useAllergyForm.js';

export interface AllergyFormProps
  extends UseAllergyFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {}

/** A stored or typed value as the conflict list shows it. */
function shown(m: AllergyMessages, field: AllergyFieldName, value: unknown): string {
  const values = value as AllergyFormValues[AllergyFieldName];
  switch (field) {
    case 'code':
      return codeValueLabel(values as AllergyFormValues['code']);
    case 'category':
      return (values as string[]).map((c) => m.categoryLabels[c as 'food'] ?? c).join(', ');
    case 'reactions':
      return reactionsBody(values as AllergyFormValues['reactions'])
        .map((r) =>
          r.severity ? `${r.manifestation} (${m.severityLabels[r.severity]})` : r.manifestation,
        )
        .join('; ');
    case 'clinicalStatus':
      return m.clinicalStatusLabels[values as 'active'] ?? String(values);
    case 'verificationStatus':
      return m.verificationStatusLabels[values as 'confirmed'] ?? String(values);
    case 'type':
      return m.typeLabels[values as 'allergy'] ?? String(values);
    case 'criticality':
      return m.criticalityLabels[values as 'high'] ?? String(values);
    default:
      return String(values ?? '');
  }
}

function Reactions({ form, recordKey }: { form: AllergyFormState; recordKey: string }) {
  const m = form.messages;
  const error = form.fieldErrors.reactions;
  const groupId = form.fieldId('reactions');
  return (
    <fieldset
      id={groupId}
      tabIndex={-1}
      className="ck-fieldset ck-allergy-form__reactions"
      aria-describedby={error ? form.errorId('reactions') : undefined}
      data-invalid={error ? '' : undefined}
    >
      <legend>{m.reactions}</legend>
      {form.reactions.map((row, index) => {
        const n = index + 1;
        const id = `${groupId}-${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; inputs follow their row's value
          <fieldset key={`${recordKey}|${index}`} className="ck-allergy-form__reaction">
            <legend>{m.reaction(n)}</legend>
            <FormField id={`${id}-manifestation`} label={m.manifestation}>
              <CodeInput
                valueSet="allergy-reactions"
                allowFreeText
                value={row.manifestation}
                onChange={(manifestation) => form.updateReaction(index, { manifestation })}
                messages={m.coded}
              />
            </FormField>
            <FormField id={`${id}-severity`} label={m.severity}>
              <select
                className="ck-input ck-select"
                value={row.severity}
                onChange={(event) =>
                  form.updateReaction(index, {
                    severity: event.target.value as (typeof REACTION_SEVERITIES)[number] | '',
                  })
                }
              >
                <option value="">{m.unset}</option>
                {REACTION_SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {m.severityLabels[severity]}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField id={`${id}-description`} label={m.reactionDescription}>
              <input
                autoComplete="off"
                value={row.description}
                onChange={(event) =>
                  form.updateReaction(index, { description: event.target.value })
                }
              />
            </FormField>
            <button type="button" className="ck-button" onClick={() => form.removeReaction(index)}>
              {m.removeReaction(n)}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="ck-button" onClick={form.addReaction}>
        {m.addReaction}
      </button>
      <FieldError id={form.errorId('reactions')}>{error}</FieldError>
    </fieldset>
  );
}

/**
 * Record or edit one allergy or intolerance of a patient: substance (coded from SNOMED CT /
 * RxNorm, or text), clinical and verification status, type, category, criticality, onset
 * (year, month or date), reactions (manifestation coded or text, severity, description) and a
 * note. Saves only edited fields onto the version shown, shows conflicts, maps server issues onto
 * fields. `data-state`: the form kit's status.
 */
export const AllergyForm = forwardRef<HTMLFormElement, AllergyFormProps>(function AllergyForm(
  { patientId, allergyId, onSaved, defaultValues, messages, className, ...rest },
  ref,
) {
  const form = useAllergyForm({ patientId, allergyId, onSaved, defaultValues, messages });
  const m = form.messages;
  const unavailable =
    form.status === 'loading' || form.status === 'load-error' || form.otherPatient;
  const saving = form.status === 'submitting';
  const recordKey = `${patientId ?? ''}|${allergyId ?? 'new'}`;
  const categoryError = form.fieldErrors.category;

  return (
    <form
      ref={ref}
      className={cx('ck-allergy-form', className)}
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
          loading: m.loadingAllergy,
          loadFailed: m.loadAllergyFailed,
          conflict: m.allergyConflict,
          changedElsewhere: m.allergyChangedElsewhere,
        }}
      >
        {form.isStatement && <p className="ck-form-notice">{m.editingNoKnownAllergies}</p>}
        {form.replacesStatement && <p className="ck-form-notice">{m.replacesNoKnownAllergies}</p>}
      </FormMessages>
      <fieldset className="ck-allergy-form__fields" disabled={unavailable}>
        <FormField {...form.getFormFieldProps('code')} description={m.substanceHint} required>
          <CodeInput
            key={recordKey}
            valueSet="allergy-substances"
            allowFreeText
            messages={m.coded}
            {...form.getCodeProps()}
          />
        </FormField>
        <div className="ck-allergy-form__row">
          <SelectField
            form={form}
            name="clinicalStatus"
            options={ALLERGY_CLINICAL_STATUSES}
            labels={m.clinicalStatusLabels}
            empty={m.choose}
            required={form.values.verificationStatus !== 'entered-in-error'}
          />
          <SelectField
            form={form}
            name="verificationStatus"
            options={ALLERGY_VERIFICATION_STATUSES}
            labels={m.verificationStatusLabels}
            empty={m.choose}
            required
          />
        </div>
        <div className="ck-allergy-form__row">
          <SelectField
            form={form}
            name="type"
            options={ALLERGY_TYPES}
            labels={m.typeLabels}
            empty={m.unset}
          />
          <SelectField
            form={form}
            name="criticality"
            options={ALLERGY_CRITICALITIES}
            labels={m.criticalityLabels}
            empty={m.unset}
          />
        </div>
        <fieldset
          id={form.fieldId('category')}
          tabIndex={-1}
          className="ck-fieldset ck-allergy-form__categories"
          aria-describedby={categoryError ? form.errorId('category') : undefined}
        >
          <legend>{m.category}</legend>
          {ALLERGY_CATEGORIES.map((category) => (
            <label key={category} className="ck-check">
              <input {...form.getCategoryProps(category)} /> {m.categoryLabels[category]}
            </label>
          ))}
          <FieldError id={form.errorId('category')}>{categoryError}</FieldError>
        </fieldset>
        <FormField {...form.getFormFieldProps('onsetDateTime')} description={m.onsetHint}>
          <input
            className="ck-input"
            inputMode="numeric"
            autoComplete="off"
            placeholder="YYYY-MM-DD"
            {...form.getFieldProps('onsetDateTime')}
          />
        </FormField>
        <Reactions form={form} recordKey={recordKey} />
        <FormField {...form.getFormFieldProps('note')}>
          <textarea className="ck-input" rows={3} {...form.getFieldProps('note')} />
        </FormField>
      </fieldset>
      <div className="ck-allergy-form__actions">
        <button
          type="submit"
          className="ck-button ck-button--primary"
          disabled={unavailable}
          aria-disabled={saving || undefined}
        >
          {saving ? m.savingAllergy : m.saveAllergy}
        </button>
        <p className="ck-form-status" {...form.getStatusProps()}>
          {[form.notice, form.sideFailed ? undefined : form.sideNotice].filter(Boolean).join(' ')}
        </p>
      </div>
      {form.sideFailed && (
        <p className="ck-alert" role="alert">
          {form.sideNotice}
        </p>
      )}
    </form>
  );
});
