'use client';
import type { ObservationStatus } from '@clinikapi/core';
import { type FormHTMLAttributes, forwardRef, type ReactNode } from 'react';
import { FormField } from '../../form/FormField.js';
import { FormMessages } from '../../form/FormMessages.js';
import { cx } from '../../ui/cx.js';
import { flagLabel, formatRange } from '../format.js';
import { ENTRY_UNITS, type EntryUnit } from '../units.js';
import { MEASURES, type VitalMeasure } from '../vitalSigns.js';
import { DerivedBmiOffers } from './DerivedBmiOffers.js';
import { EDIT_STATUSES, type EditField, singleMeasure } from './editFields.js';
import {
  type UseVitalEditFormOptions,
  useVitalEditForm,
  type VitalEditFormState,
} from './useVitalEditForm.js';

export interface VitalEditFormProps
  extends UseVitalEditFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {}

/** One measured number: its input, with the unit (`children`) beside it. */
function MeasureInput({
  form,
  name,
  label,
  hint,
  readOnly,
  children,
}: {
  form: VitalEditFormState;
  name: EditField;
  label: string;
  hint?: string | undefined;
  readOnly?: boolean | undefined;
  children?: ReactNode;
}) {
  return (
    <FormField
      {...form.getFormFieldProps(name)}
      label={label}
      className="ck-vitals__measure"
      description={hint}
      descriptionClassName="ck-vitals__hint"
    >
      {(control) => (
        <div className="ck-vitals__inputs">
          <input
            className="ck-input"
            inputMode="decimal"
            autoComplete="off"
            readOnly={readOnly}
            {...form.getFieldProps(name)}
            {...control}
          />
          {children}
        </div>
      )}
    </FormField>
  );
}

/** A stored or typed value as the conflict list shows it. */
function shown(form: VitalEditFormState, field: EditField, value: string): string {
  const m = form.messages;
  if (field === 'status') return m.statusLabels[value as ObservationStatus] ?? value;
  if (field === 'unit') {
    return m.entryUnitLabels[value as EntryUnit] ?? m.unitLabels[value] ?? value;
  }
  return value;
}

/**
 * Amends, corrects or withdraws (entered in error) one recorded vital, e.g. from `VitalsList`'s
 * `onEdit`. Built on the form kit's `useResourceForm` (see `useVitalEditForm`): follows its
 * `observationId`, sends only the edits with If-Match, shows theirs vs yours on a conflict.
 */
export const VitalEditForm = forwardRef<HTMLFormElement, VitalEditFormProps>(function VitalEditForm(
  { observationId, patientId, timeZone, onSaved, messages, className, ...rest },
  ref,
) {
  const form = useVitalEditForm({ observationId, patientId, timeZone, onSaved, messages });
  const m = form.messages;
  const reading = form.reading;
  const unavailable = form.status === 'loading' || form.status === 'load-error' || !!form.blocked;
  const saving = form.status === 'submitting';
  const measure = reading ? singleMeasure(reading) : undefined;
  const rangeHint = (mm: VitalMeasure) => {
    const value = reading?.values[mm];
    const parts = [
      value?.flag ? flagLabel(value.flag, m) : '',
      value?.range ? m.referenceRange(formatRange(mm, value.range, m, form.locale)) : '',
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  };
  const unit = form.values.unit as EntryUnit | '';
  const convertible =
    measure !== undefined && measure in ENTRY_UNITS
      ? ENTRY_UNITS[measure as keyof typeof ENTRY_UNITS]
      : undefined;
  const statusValue = form.values.status as ObservationStatus;
  const storedStatus = form.stored?.status;

  return (
    <form
      ref={ref}
      className={cx('ck-vitals-form', className)}
      data-state={form.blocked ? 'blocked' : form.status}
      aria-label={reading ? m.editVital(m.vitalLabels[reading.vital]) : m.editVital(m.value)}
      {...rest}
      {...form.getFormProps()}
    >
      <FormMessages
        form={form}
        labelOf={form.labelOf}
        display={(field, value) => shown(form, field, String(value ?? ''))}
        refusal={form.blocked}
        texts={{
          ...m,
          loading: m.loadingVital,
          loadFailed: m.loadVitalFailed,
          conflict: m.vitalConflict,
          changedElsewhere: m.vitalChangedElsewhere,
        }}
      />
      {form.blocked === m.otherPatient ? null : (
        <fieldset className="ck-vitals-form__fields" disabled={unavailable}>
          <FormField {...form.getFormFieldProps('effectiveDateTime')} className="ck-vitals__time">
            {(control) => (
              <>
                <input
                  className="ck-input"
                  type="datetime-local"
                  {...form.getFieldProps('effectiveDateTime')}
                  {...control}
                />
                {/* Said next to the input, not part of its description. */}
                {form.recordedAs ? (
                  <p className="ck-vitals__hint">{m.recordedAs(form.recordedAs)}</p>
                ) : null}
              </>
            )}
          </FormField>
          {reading && !measure ? (
            <fieldset className="ck-vitals__measure ck-vitals__measure--group">
              <legend className="ck-label">
                {m.vitalLabels.bloodPressure} ({m.unitLabels['mm[Hg]']})
              </legend>
              <div className="ck-vitals__pair">
                <MeasureInput
                  form={form}
                  name="systolic"
                  label={m.measureLabels.systolic}
                  hint={rangeHint('systolic')}
                />
                <MeasureInput
                  form={form}
                  name="diastolic"
                  label={m.measureLabels.diastolic}
                  hint={rangeHint('diastolic')}
                />
              </div>
            </fieldset>
          ) : null}
          {measure && unit === 'ft_in' ? (
            <MeasureInput
              form={form}
              name="feet"
              label={`${m.measureLabels[measure]} (${m.feet})`}
            />
          ) : null}
          {measure ? (
            <MeasureInput
              form={form}
              name="value"
              label={
                unit === 'ft_in'
                  ? `${m.measureLabels[measure]} (${m.inches})`
                  : m.measureLabels[measure]
              }
              hint={measure === 'bmi' ? m.bmiComputedOnly : rangeHint(measure)}
              readOnly={measure === 'bmi'}
            >
              {convertible ? (
                <select
                  className="ck-input ck-vitals__unit"
                  aria-label={m.unitOf(m.measureLabels[measure])}
                  {...form.getFieldProps('unit')}
                >
                  {convertible.map((u) => (
                    <option key={u} value={u}>
                      {m.entryUnitLabels[u]}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="ck-vitals__unit-text" aria-hidden="true">
                  {m.unitLabels[MEASURES[measure].ucum]}
                </span>
              )}
            </MeasureInput>
          ) : null}
          <FormField
            {...form.getFormFieldProps('status')}
            description={m.changeKindHint}
            descriptionClassName="ck-vitals__hint"
          >
            <select className="ck-input ck-select" {...form.getFieldProps('status')}>
              {storedStatus && !(EDIT_STATUSES as readonly string[]).includes(storedStatus) ? (
                <option value={storedStatus}>{m.keepStatus(m.statusLabels[storedStatus])}</option>
              ) : null}
              {EDIT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {m.statusOptions[s]}
                </option>
              ))}
            </select>
          </FormField>
        </fieldset>
      )}
      <div className="ck-vitals-form__actions">
        <button
          type="submit"
          className={cx(
            'ck-button',
            statusValue === 'entered-in-error' ? 'ck-button--danger' : 'ck-button--primary',
          )}
          disabled={unavailable}
          aria-disabled={saving || undefined}
        >
          {saving
            ? m.savingVitals
            : statusValue === 'entered-in-error'
              ? m.markEnteredInError
              : m.saveChange}
        </button>
        <p className="ck-form-notice ck-form-status" {...form.getStatusProps()}>
          {form.notice}
        </p>
      </div>
      <DerivedBmiOffers derived={form.derivedBmi} messages={m} />
    </form>
  );
});
