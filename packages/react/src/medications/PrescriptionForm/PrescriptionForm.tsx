'use client';
import type { TimeUnit } from '@clinikapi/core';
import { type FormHTMLAttributes, forwardRef, type ReactNode } from 'react';
import { CodeInput } from '../../coded/CodeInput.js';
import { codeValueLabel } from '../../coded/codeValue.js';
import type { SearchCodes } from '../../coded/types.js';
import { FormField } from '../../form/FormField.js';
import { FormMessages } from '../../form/FormMessages.js';
import { cx } from '../../ui/cx.js';
import { type CodeValue, codeFromKey, codeKey, codeLabel } from '../codes.js';
import { TIME_UNIT_CODES } from '../dosage.js';
import type { MedicationMessages } from '../medicationMessages.js';
import { AllergyWarning } from './AllergyWarning.js';
import { type PrescriptionFieldName, ucumUnitKey, unitLabel } from './fields.js';
import {
  labelOf,
  type PrescriptionFormState,
  type UsePrescriptionFormOptions,
  usePrescriptionForm,
} from './usePrescriptionForm.js';

export interface PrescriptionFormProps
  extends UsePrescriptionFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {
  /**
   * Your terminology service for the medication input (e.g. RxNorm drugs from RxNav), in place of
   * the shipped `medications` value set (RxNorm ingredients). Defaults to the shipped set.
   */
  searchMedications?: SearchCodes | undefined;
  /**
   * Renders the medication input in place of the built-in coded input (`CodeInput`, RxNorm, free
   * text allowed): receives the value, a setter and the input's wiring props.
   */
  renderMedicationInput?: ((input: MedicationInputProps) => ReactNode) | undefined;
}

/** What a custom medication input receives. */
export interface MedicationInputProps {
  value: CodeValue;
  onChange: (value: CodeValue) => void;
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  label: string;
}

/** A stored or typed value as the conflict list shows it. */
function shown(m: MedicationMessages, field: PrescriptionFieldName, value: unknown): string {
  // Coded values with their code, so a coded and a typed value with one name are told apart.
  if (field === 'medication') return codeValueLabel(value as CodeValue);
  if (field === 'route') return codeLabel(codeFromKey(String(value)));
  if (field === 'doseUnit' || field === 'quantityUnit') return unitLabel(String(value));
  if (field === 'periodUnit' || field === 'durationUnit') {
    return m.unitsOfTime[value as TimeUnit]?.other ?? String(value);
  }
  if (field === 'substitution') {
    return m.substitutionLabels[value as keyof MedicationMessages['substitutionLabels']] ?? '';
  }
  if (field === 'asNeeded') return value ? m.asNeededShown : '';
  return String(value ?? '');
}

/** Text and number inputs wired to their label, error and value. */
function inputProps(form: PrescriptionFormState, name: PrescriptionFieldName) {
  return {
    ...form.getControlProps(name),
    className: 'ck-input',
    value: String(form.values[name] ?? ''),
    onChange: (event: { target: { value: string } }) =>
      form.setValue(name, event.target.value as never),
  };
}

/** The options of a unit select: the offered UCUM units plus the stored one, when it is another. */
function UnitOptions({ form, name }: { form: PrescriptionFormState; name: PrescriptionFieldName }) {
  const m = form.messages;
  const current = String(form.values[name] ?? '');
  const offered = (form.valueSets?.DOSE_UNITS ?? []).map((u) => ucumUnitKey(u.code, u.unit));
  const keys = current && !offered.includes(current) ? [current, ...offered] : offered;
  return (
    <>
      <option value="">{form.valueSets ? m.notChosen : m.loadingOptions}</option>
      {keys.map((key) => (
        <option key={key} value={key}>
          {unitLabel(key)}
        </option>
      ))}
    </>
  );
}

function TimeUnitOptions({ m, count }: { m: MedicationMessages; count: number }) {
  return (
    <>
      {TIME_UNIT_CODES.map((unit) => (
        <option key={unit} value={unit}>
          {count === 1 ? m.unitsOfTime[unit].one : m.unitsOfTime[unit].other}
        </option>
      ))}
    </>
  );
}

/**
 * Create or edit a prescription for one patient: medication (RxNorm coding or text), dose with a
 * UCUM unit, SNOMED CT route, frequency as FHIR Timing (times per period) with the course length
 * as a separate bound, instructions, quantity, refills (0-99), substitution and note. Warns, and
 * asks for an acknowledgement, before saving a medication that matches an active allergy. The
 * prescriber comes from `prescriberId` (never invented). Status changes (stop, hold, resume) are
 * made with `PrescriptionStatusPanel`, which asks for a reason.
 */
export const PrescriptionForm = forwardRef<HTMLFormElement, PrescriptionFormProps>(
  function PrescriptionForm(
    {
      patientId,
      prescriptionId,
      prescriberId,
      encounterId,
      defaultValues,
      resolveIngredients,
      timeZone,
      onSaved,
      messages,
      renderMedicationInput,
      searchMedications,
      className,
      ...rest
    },
    ref,
  ) {
    const form = usePrescriptionForm({
      patientId,
      prescriptionId,
      prescriberId,
      encounterId,
      defaultValues,
      resolveIngredients,
      timeZone,
      onSaved,
      messages,
    });
    const m = form.messages;
    const unavailable =
      form.status === 'loading' || form.status === 'load-error' || form.wrongPatient;
    const saving = form.status === 'submitting' || form.savePending;
    const routeKeys = (form.valueSets?.ROUTES ?? []).map((r) => codeKey(r));
    const route = String(form.values.route);
    if (route && !routeKeys.includes(route)) routeKeys.unshift(route);
    const medicationControl = form.getControlProps('medication');
    const frequencyCount = Number(form.values.period) || 1;
    const durationCount = Number(form.values.durationValue) || 2;

    return (
      <form
        ref={ref}
        className={cx('ck-prescription-form', className)}
        data-state={form.wrongPatient ? 'error' : form.status}
        {...rest}
        {...form.getFormProps()}
      >
        <FormMessages
          form={form}
          labelOf={(field) => labelOf(field, m)}
          display={(field, value) => shown(m, field, value)}
          refusal={form.wrongPatient ? m.wrongPatient : undefined}
          texts={{
            ...m,
            loading: m.loadingPrescription,
            loadFailed: m.loadPrescriptionFailed,
            conflict: m.prescriptionConflict,
            changedElsewhere: m.prescriptionChangedElsewhere,
          }}
        />
        {form.wrongPatient ? null : (
          <fieldset className="ck-prescription-form__fields" disabled={unavailable}>
            <FormField
              {...form.getFormFieldProps('medication')}
              className="ck-prescription-form__medication"
            >
              {renderMedicationInput ? (
                () =>
                  renderMedicationInput({
                    ...medicationControl,
                    value: form.values.medication,
                    onChange: (value) => form.setValue('medication', value),
                    label: m.medication,
                  })
              ) : (
                <CodeInput
                  {...medicationControl}
                  valueSet="medications"
                  searchCodes={searchMedications}
                  allowFreeText
                  aria-required
                  value={form.values.medication === '' ? undefined : form.values.medication}
                  onChange={(value) => form.setValue('medication', value ?? '')}
                />
              )}
            </FormField>
            <AllergyWarning form={form} />

            <fieldset className="ck-fieldset ck-prescription-form__row">
              <legend>{m.dosage}</legend>
              <FormField {...form.getFormFieldProps('doseValue')}>
                <input {...inputProps(form, 'doseValue')} type="text" inputMode="decimal" />
              </FormField>
              <FormField {...form.getFormFieldProps('doseUnit')}>
                <select {...inputProps(form, 'doseUnit')} className="ck-input ck-select">
                  <UnitOptions form={form} name="doseUnit" />
                </select>
              </FormField>
              <FormField {...form.getFormFieldProps('route')}>
                <select {...inputProps(form, 'route')} className="ck-input ck-select">
                  <option value="">{form.valueSets ? m.notChosen : m.loadingOptions}</option>
                  {routeKeys.map((key) => (
                    <option key={key} value={key}>
                      {codeLabel(codeFromKey(key))}
                    </option>
                  ))}
                </select>
              </FormField>
            </fieldset>

            <fieldset className="ck-fieldset ck-prescription-form__row">
              <legend>{m.howOften}</legend>
              <FormField {...form.getFormFieldProps('frequency')}>
                <input {...inputProps(form, 'frequency')} type="text" inputMode="numeric" />
              </FormField>
              <FormField {...form.getFormFieldProps('period')}>
                <input {...inputProps(form, 'period')} type="text" inputMode="decimal" />
              </FormField>
              <FormField {...form.getFormFieldProps('periodUnit')}>
                <select {...inputProps(form, 'periodUnit')} className="ck-input ck-select">
                  <TimeUnitOptions m={m} count={frequencyCount} />
                </select>
              </FormField>
              <div className="ck-field ck-prescription-form__check">
                <input
                  {...form.getControlProps('asNeeded')}
                  type="checkbox"
                  checked={form.values.asNeeded}
                  onChange={(event) => form.setValue('asNeeded', event.target.checked)}
                />
                <label className="ck-label" htmlFor={form.fieldId('asNeeded')}>
                  {m.asNeeded}
                </label>
              </div>
            </fieldset>

            <fieldset className="ck-fieldset ck-prescription-form__row">
              <legend>{m.duration}</legend>
              <FormField {...form.getFormFieldProps('durationValue')}>
                <input {...inputProps(form, 'durationValue')} type="text" inputMode="decimal" />
              </FormField>
              <FormField {...form.getFormFieldProps('durationUnit')}>
                <select {...inputProps(form, 'durationUnit')} className="ck-input ck-select">
                  <TimeUnitOptions m={m} count={durationCount} />
                </select>
              </FormField>
            </fieldset>
            <p className="ck-prescription-form__preview" aria-live="polite">
              {form.dosagePreview ? m.readsAs(form.dosagePreview) : ''}
            </p>

            <FormField {...form.getFormFieldProps('dosageInstruction')}>
              <textarea {...inputProps(form, 'dosageInstruction')} rows={2} maxLength={1000} />
            </FormField>

            <div className="ck-prescription-form__row">
              <FormField {...form.getFormFieldProps('quantityValue')}>
                <input {...inputProps(form, 'quantityValue')} type="text" inputMode="decimal" />
              </FormField>
              <FormField {...form.getFormFieldProps('quantityUnit')}>
                <select {...inputProps(form, 'quantityUnit')} className="ck-input ck-select">
                  <UnitOptions form={form} name="quantityUnit" />
                </select>
              </FormField>
              <FormField {...form.getFormFieldProps('refills')}>
                <input {...inputProps(form, 'refills')} type="text" inputMode="numeric" />
              </FormField>
              <FormField {...form.getFormFieldProps('substitution')}>
                <select {...inputProps(form, 'substitution')} className="ck-input ck-select">
                  {(['', 'allowed', 'not-allowed'] as const).map((choice) => (
                    <option key={choice} value={choice}>
                      {m.substitutionLabels[choice]}
                    </option>
                  ))}
                </select>
              </FormField>
              {form.isEditing ? null : (
                <FormField {...form.getFormFieldProps('status')}>
                  <select {...inputProps(form, 'status')} className="ck-input ck-select">
                    <option value="active">{m.statusLabels.active}</option>
                    <option value="draft">{m.statusLabels.draft}</option>
                  </select>
                </FormField>
              )}
            </div>

            <div className="ck-prescription-form__prescriber">
              <span className="ck-label">{m.prescriber}</span>{' '}
              {form.prescriber.id ? (
                <span>
                  {form.prescriber.loading
                    ? m.loadingPrescriber
                    : (form.prescriber.name ?? form.prescriber.id)}
                </span>
              ) : (
                <span className="ck-muted">{m.noPrescriber}</span>
              )}
            </div>

            <FormField {...form.getFormFieldProps('note')}>
              <textarea {...inputProps(form, 'note')} rows={2} maxLength={2000} />
            </FormField>
          </fieldset>
        )}
        <div className="ck-prescription-form__actions">
          <button
            type="submit"
            className="ck-button ck-button--primary"
            disabled={unavailable}
            aria-disabled={saving || undefined}
          >
            {saving ? m.saving : m.savePrescription}
          </button>
          <p className="ck-form-status" {...form.getStatusProps()}>
            {form.notice}
          </p>
        </div>
      </form>
    );
  },
);
