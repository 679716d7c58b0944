'use client';
import { type FormHTMLAttributes, forwardRef } from 'react';
import { CodeInput } from '../../coded/CodeInput.js';
import { codeValueLabel } from '../../coded/codeValue.js';
import type { CodeValue, SearchCodes } from '../../coded/types.js';
import { FormField } from '../../form/FormField.js';
import { FormMessages } from '../../form/FormMessages.js';
import { cx } from '../../ui/cx.js';
import type { ImmunizationMessages } from '../immunizationMessages.js';
import { codeKey, type ImmunizationFieldName, keyLabel, OTHER_REASON } from './fields.js';
import {
  type ImmunizationFormState,
  labelOf,
  type UseImmunizationFormOptions,
  useImmunizationForm,
} from './useImmunizationForm.js';

export interface ImmunizationFormProps
  extends UseImmunizationFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {
  /** Your terminology service for the vaccine input, in place of the shipped CVX value set. */
  searchVaccines?: SearchCodes | undefined;
}

function shown(
  m: ImmunizationMessages,
  form: ImmunizationFormState,
  field: ImmunizationFieldName,
  value: unknown,
): string {
  if (field === 'vaccineCode') return codeValueLabel(value as CodeValue);
  if (field === 'site' || field === 'route' || field === 'statusReason') {
    return value === OTHER_REASON ? m.otherReason : keyLabel(String(value));
  }
  if (field === 'status') return m.statusLabels[value as keyof typeof m.statusLabels] ?? '';
  if (field === 'performerId') {
    return form.performers.find((p) => p.id === value)?.name ?? String(value ?? '');
  }
  return String(value ?? '');
}

function controlProps(form: ImmunizationFormState, name: ImmunizationFieldName) {
  return {
    ...form.getControlProps(name),
    className: 'ck-input',
    value: String(form.values[name] ?? ''),
    onChange: (event: { target: { value: string } }) =>
      form.setValue(name, event.target.value as never),
  };
}

/** A coded select: the offered codes plus the stored one when it is another. */
function CodedOptions({
  form,
  entries,
  current,
}: {
  form: ImmunizationFormState;
  entries: readonly CodeValue[] | undefined;
  current: string;
}) {
  const keys = (entries ?? []).map((e) => codeKey(e));
  if (current && current !== OTHER_REASON && !keys.includes(current)) keys.unshift(current);
  return (
    <>
      <option value="">{entries ? form.messages.notRecorded : form.messages.loadingOptions}</option>
      {keys.map((key) => (
        <option key={key} value={key}>
          {keyLabel(key)}
        </option>
      ))}
    </>
  );
}

/**
 * Record or edit an immunization: vaccine (CVX coding or text), given or not given (with a
 * reason), date and time in the practice zone, dose number in its series, lot number, site and
 * route (coded), who gave it, and a note. Follows its patient and immunization ids, sends only
 * edited fields onto the version the user saw, and shows conflicts (see `useImmunizationForm`).
 */
export const ImmunizationForm = forwardRef<HTMLFormElement, ImmunizationFormProps>(
  function ImmunizationForm(
    {
      patientId,
      immunizationId,
      performerId,
      encounterId,
      defaultValues,
      timeZone,
      onSaved,
      messages,
      searchVaccines,
      className,
      ...rest
    },
    ref,
  ) {
    const form = useImmunizationForm({
      patientId,
      immunizationId,
      performerId,
      encounterId,
      defaultValues,
      timeZone,
      onSaved,
      messages,
    });
    const m = form.messages;
    const unavailable =
      form.status === 'loading' || form.status === 'load-error' || form.wrongPatient;
    const saving = form.status === 'submitting';
    const vaccineControl = form.getControlProps('vaccineCode');

    return (
      <form
        ref={ref}
        className={cx('ck-immunization-form', className)}
        data-state={form.wrongPatient ? 'error' : form.status}
        {...rest}
        {...form.getFormProps()}
      >
        <FormMessages
          form={form}
          labelOf={(field) => labelOf(field, m)}
          display={(field, value) => shown(m, form, field, value)}
          refusal={form.wrongPatient ? m.wrongPatient : undefined}
          texts={{
            ...m,
            loading: m.loadingImmunization,
            loadFailed: m.loadImmunizationFailed,
            conflict: m.immunizationConflict,
            changedElsewhere: m.immunizationChangedElsewhere,
          }}
        />
        {form.wrongPatient ? null : (
          <fieldset className="ck-immunization-form__fields" disabled={unavailable}>
            <FormField {...form.getFormFieldProps('vaccineCode')}>
              <CodeInput
                {...vaccineControl}
                valueSet="vaccines"
                searchCodes={searchVaccines}
                allowFreeText
                aria-required
                value={form.values.vaccineCode === '' ? undefined : form.values.vaccineCode}
                onChange={(value) => form.setValue('vaccineCode', value ?? '')}
              />
            </FormField>
            <div className="ck-immunization-form__row">
              <FormField {...form.getFormFieldProps('status')}>
                <select {...controlProps(form, 'status')} className="ck-input ck-select">
                  <option value="completed">{m.statusLabels.completed}</option>
                  <option value="not-done">{m.statusLabels['not-done']}</option>
                  {form.values.status === 'entered-in-error' ? (
                    <option value="entered-in-error">{m.statusLabels['entered-in-error']}</option>
                  ) : null}
                </select>
              </FormField>
              <FormField
                {...form.getFormFieldProps('occurrence')}
                description={m.timesInZone(form.timeZone)}
                descriptionClassName="ck-muted"
              >
                <input {...controlProps(form, 'occurrence')} type="datetime-local" required />
              </FormField>
            </div>
            {form.showsReason ? (
              <div className="ck-immunization-form__row">
                <FormField {...form.getFormFieldProps('statusReason')}>
                  <select {...controlProps(form, 'statusReason')} className="ck-input ck-select">
                    <option value="">{form.valueSets ? m.chooseReason : m.loadingOptions}</option>
                    {(() => {
                      const keys = (form.valueSets?.NOT_DONE_REASONS ?? []).map((r) => codeKey(r));
                      const current = String(form.values.statusReason);
                      if (current && current !== OTHER_REASON && !keys.includes(current)) {
                        keys.unshift(current);
                      }
                      return keys.map((key) => (
                        <option key={key} value={key}>
                          {keyLabel(key)}
                        </option>
                      ));
                    })()}
                    <option value={OTHER_REASON}>{m.otherReason}</option>
                  </select>
                </FormField>
                {form.values.statusReason === OTHER_REASON ? (
                  <FormField {...form.getFormFieldProps('statusReasonText')}>
                    <input
                      {...controlProps(form, 'statusReasonText')}
                      type="text"
                      maxLength={500}
                    />
                  </FormField>
                ) : null}
              </div>
            ) : null}
            <div className="ck-immunization-form__row">
              <FormField {...form.getFormFieldProps('doseNumber')}>
                <input {...controlProps(form, 'doseNumber')} type="text" inputMode="numeric" />
              </FormField>
              <FormField {...form.getFormFieldProps('lotNumber')}>
                <input {...controlProps(form, 'lotNumber')} type="text" maxLength={100} />
              </FormField>
            </div>
            <div className="ck-immunization-form__row">
              <FormField {...form.getFormFieldProps('site')}>
                <select {...controlProps(form, 'site')} className="ck-input ck-select">
                  <CodedOptions
                    form={form}
                    entries={form.valueSets?.SITES}
                    current={form.values.site}
                  />
                </select>
              </FormField>
              <FormField {...form.getFormFieldProps('route')}>
                <select {...controlProps(form, 'route')} className="ck-input ck-select">
                  <CodedOptions
                    form={form}
                    entries={form.valueSets?.ROUTES}
                    current={form.values.route}
                  />
                </select>
              </FormField>
              <FormField {...form.getFormFieldProps('performerId')}>
                <select {...controlProps(form, 'performerId')} className="ck-input ck-select">
                  <option value="">
                    {form.performersLoading ? m.loadingOptions : m.notRecorded}
                  </option>
                  {form.performers.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </FormField>
            </div>
            <FormField {...form.getFormFieldProps('note')}>
              <textarea {...controlProps(form, 'note')} rows={2} maxLength={2000} />
            </FormField>
          </fieldset>
        )}
        <div className="ck-immunization-form__actions">
          <button
            type="submit"
            className="ck-button ck-button--primary"
            disabled={unavailable}
            aria-disabled={saving || undefined}
          >
            {saving ? m.saving : m.saveImmunization}
          </button>
          <p className="ck-form-status" {...form.getStatusProps()}>
            {form.notice}
          </p>
        </div>
      </form>
    );
  },
);
