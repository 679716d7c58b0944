'use client';
import { type FormHTMLAttributes, forwardRef } from 'react';
import { FieldError, FormField } from '../../form/FormField.js';
import { FormLoadStatus } from '../../form/FormLoadStatus.js';
import { formatOffset } from '../../time/format.js';
import { cx } from '../../ui/cx.js';
import { fromWallClockInput } from '../practiceTime.js';
import { ENTRY_UNITS, type EntryUnit, isCanonicalUnit } from '../units.js';
import { MEASURES, type VitalMeasure } from '../vitalSigns.js';
import type { EntryField, VitalsEntryValues } from './entry.js';
import { MeasureHint } from './MeasureHint.js';
import { type UseVitalsFormOptions, useVitalsForm, type VitalsFormState } from './useVitalsForm.js';

export interface VitalsFormProps
  extends UseVitalsFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {}

type UnitField = 'bodyTemperatureUnit' | 'bodyHeightUnit' | 'bodyWeightUnit';
const UNIT_FIELD: Partial<Record<VitalMeasure, UnitField>> = {
  bodyTemperature: 'bodyTemperatureUnit',
  bodyHeight: 'bodyHeightUnit',
  bodyWeight: 'bodyWeightUnit',
};

const errorOf = (form: VitalsFormState, name: EntryField) => (
  <FieldError id={form.errorId(name)}>{form.fieldErrors[name]}</FieldError>
);

/** One measured number: label, input, unit (a picker where it converts), hint and error. */
function MeasureField({ form, measure }: { form: VitalsFormState; measure: VitalMeasure }) {
  const m = form.messages;
  const unitField = UNIT_FIELD[measure];
  const unit = unitField ? (form.values[unitField] as EntryUnit) : undefined;
  const feetAndInches = unit === 'ft_in';
  const field = measure as EntryField;
  const label = m.measureLabels[measure];
  const value = form.entry.values[measure];
  const hint = (
    <MeasureHint
      id={form.hintId(field)}
      measure={measure}
      value={value}
      converted={!isCanonicalUnit(unit)}
      range={form.ranges[measure]}
      messages={m}
      locale={form.locale}
    />
  );
  const hasHint = value !== undefined || form.ranges[measure] !== undefined;
  const unitPicker = unitField ? (
    <select
      className="ck-input ck-vitals__unit"
      aria-label={m.unitOf(label)}
      value={unit}
      onChange={(event) =>
        form.setValue(unitField, event.target.value as VitalsEntryValues[typeof unitField])
      }
    >
      {ENTRY_UNITS[measure as keyof typeof ENTRY_UNITS].map((u) => (
        <option key={u} value={u}>
          {m.entryUnitLabels[u]}
        </option>
      ))}
    </select>
  ) : (
    <span className="ck-vitals__unit-text" aria-hidden="true">
      {m.unitLabels[MEASURES[measure].ucum]}
    </span>
  );

  if (feetAndInches) {
    return (
      <fieldset
        className="ck-vitals__measure ck-vitals__measure--group"
        data-invalid={
          form.fieldErrors.bodyHeight || form.fieldErrors.bodyHeightFeet ? '' : undefined
        }
      >
        <legend className="ck-label">{label}</legend>
        <div className="ck-vitals__inputs">
          <label className="ck-vitals__part">
            <input
              className="ck-input"
              inputMode="numeric"
              autoComplete="off"
              {...form.getInputProps('bodyHeightFeet', hasHint)}
            />
            <span>{m.feet}</span>
          </label>
          <label className="ck-vitals__part">
            <input
              className="ck-input"
              inputMode="decimal"
              autoComplete="off"
              {...form.getInputProps('bodyHeight', hasHint)}
              aria-describedby={
                [
                  form.fieldErrors.bodyHeight ? form.errorId('bodyHeight') : '',
                  hasHint ? form.hintId('bodyHeightFeet') : '',
                ]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
            />
            <span>{m.inches}</span>
          </label>
          {unitPicker}
        </div>
        <MeasureHint
          id={form.hintId('bodyHeightFeet')}
          measure={measure}
          value={value}
          converted
          range={form.ranges[measure]}
          messages={m}
          locale={form.locale}
        />
        {errorOf(form, 'bodyHeightFeet')}
        {errorOf(form, 'bodyHeight')}
      </fieldset>
    );
  }

  return (
    <FormField
      id={form.fieldId(field)}
      label={label}
      error={form.fieldErrors[field]}
      className="ck-vitals__measure"
    >
      {() => (
        // Wired by getInputProps: the hint (MeasureHint, when there is one) and the error.
        <>
          <div className="ck-vitals__inputs">
            <input
              className="ck-input"
              inputMode="decimal"
              autoComplete="off"
              {...form.getInputProps(field, hasHint)}
            />
            {unitPicker}
          </div>
          {hint}
        </>
      )}
    </FormField>
  );
}

/** The BMI the save will record, where its height comes from, or why there is none. */
function BmiPreview({ form }: { form: VitalsFormState }) {
  const m = form.messages;
  const { bmi, bmiWithoutHeight } = form.entry;
  if (!form.bmiEnabled || !form.vitals.includes('bodyWeight')) return null;
  let text: string | undefined;
  if (bmi) {
    const value = form.formatMeasure('bmi', bmi.value);
    const weight = form.formatMeasure('bodyWeight', bmi.weightKg);
    const height = form.formatMeasure('bodyHeight', bmi.heightCm);
    text = bmi.heightFrom
      ? m.bmiFromLatestHeight(value, weight, height, form.formatWhen(bmi.heightFrom))
      : m.bmiFromEntry(value, weight, height);
  } else if (bmiWithoutHeight) {
    text = m.bmiNeedsHeight;
  }
  return (
    <p className="ck-vitals__bmi" aria-live="polite">
      {text}
    </p>
  );
}

/**
 * Records a patient's vital signs: one submit, one coded Observation per vital typed (blood
 * pressure as the 85354-9 panel, BMI computed), entered in the user's units and stored in the
 * canonical UCUM ones, flagged against reference ranges, timed in the practice zone. Partial
 * failures keep what failed and never resend what was saved. See `useVitalsForm`. To amend,
 * correct or withdraw a recorded vital, use `VitalEditForm`.
 */
export const VitalsForm = forwardRef<HTMLFormElement, VitalsFormProps>(function VitalsForm(
  {
    patientId,
    performerId,
    encounterId,
    timeZone,
    units,
    vitals,
    bmi,
    referenceRanges,
    onSaved,
    messages,
    className,
    ...rest
  },
  ref,
) {
  const form = useVitalsForm({
    patientId,
    performerId,
    encounterId,
    timeZone,
    units,
    vitals,
    bmi,
    referenceRanges,
    onSaved,
    messages,
  });
  const m = form.messages;
  const unavailable = form.status === 'loading' || form.status === 'load-error';
  const saving = form.status === 'submitting';
  const time = fromWallClockInput(form.values.effectiveDateTime, form.timeZone);
  const offset = formatOffset(time.ok ? time.iso : Date.now(), {
    timeZone: form.timeZone,
    locale: form.locale,
  });
  const shows = (vital: (typeof form.vitals)[number]) => form.vitals.includes(vital);
  const hasOverrides = referenceRanges !== undefined && Object.keys(referenceRanges).length > 0;

  return (
    <form
      ref={ref}
      className={cx('ck-vitals-form', className)}
      data-state={form.status}
      aria-label={m.recordVitals}
      {...rest}
      {...form.getFormProps()}
    >
      <FormLoadStatus
        status={form.status}
        loadError={form.loadError}
        retryLoad={form.retryLoad}
        texts={{
          loading: patientId ? m.loadingVitalsForm : m.noPatient,
          loadFailed: m.loadVitalsFormFailed,
          retry: m.retry,
        }}
      />
      <div
        id={form.alertId}
        className="ck-form-alert"
        role="alert"
        tabIndex={-1}
        data-state={form.status}
      >
        {form.formErrors.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </div>
      <fieldset className="ck-vitals-form__fields" disabled={unavailable}>
        <FormField
          id={form.fieldId('effectiveDateTime')}
          label={m.effectiveDateTime}
          error={form.fieldErrors.effectiveDateTime}
          className="ck-vitals__time"
          description={
            <>
              {m.timeInZone(form.timeZone, offset)}
              {time.ok ? ` · ${m.recordedAs(form.formatWhen(time.iso))}` : ''}
            </>
          }
          descriptionClassName="ck-vitals__hint"
        >
          <input
            className="ck-input"
            type="datetime-local"
            {...form.getInputProps('effectiveDateTime')}
          />
        </FormField>
        {shows('bloodPressure') ? (
          <fieldset
            className="ck-vitals__measure ck-vitals__measure--group"
            data-invalid={form.fieldErrors.systolic || form.fieldErrors.diastolic ? '' : undefined}
          >
            <legend className="ck-label">
              {m.vitalLabels.bloodPressure} ({m.unitLabels['mm[Hg]']})
            </legend>
            <div className="ck-vitals__pair">
              <MeasureField form={form} measure="systolic" />
              <MeasureField form={form} measure="diastolic" />
            </div>
          </fieldset>
        ) : null}
        {(
          [
            'heartRate',
            'respiratoryRate',
            'bodyTemperature',
            'oxygenSaturation',
            'bodyHeight',
            'bodyWeight',
          ] as const
        )
          .filter(shows)
          .map((vital) => (
            <MeasureField key={vital} form={form} measure={vital} />
          ))}
      </fieldset>
      <BmiPreview form={form} />
      {!form.adult && !hasOverrides && !unavailable ? (
        <p className="ck-form-notice">{m.noRangesForAge}</p>
      ) : null}
      <div className="ck-vitals-form__actions">
        <button
          type="submit"
          className="ck-button ck-button--primary"
          disabled={unavailable}
          aria-disabled={saving || undefined}
        >
          {saving ? m.savingVitals : m.saveVitals}
        </button>
        <p id={form.statusId} className="ck-form-notice ck-form-status" role="status" tabIndex={-1}>
          {form.notice}
        </p>
      </div>
    </form>
  );
});
