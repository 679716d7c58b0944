import type { ChangeEventHandler } from 'react';
import { FormField, type FormFieldProps } from './FormField.js';

/** What `SelectField` needs of a form kit form: its field wiring and a select's props. */
export interface SelectFieldForm<N extends string> {
  getFormFieldProps: (name: N) => Omit<FormFieldProps, 'children'>;
  getFieldProps: (name: N) => {
    value: string;
    onChange: ChangeEventHandler<HTMLSelectElement>;
  };
}

/**
 * A coded `<select>` of a form kit form (a FHIR status, a criticality): an empty choice, then
 * `options` shown by their `labels`, wired to its label, description and error by `FormField`.
 */
export function SelectField<N extends string>({
  form,
  name,
  options,
  labels,
  empty,
  required,
}: {
  form: SelectFieldForm<N>;
  name: N;
  options: readonly string[];
  labels: Record<string, string>;
  empty: string;
  required?: boolean | undefined;
}) {
  return (
    <FormField {...form.getFormFieldProps(name)} required={required}>
      <select className="ck-input ck-select" {...form.getFieldProps(name)}>
        <option value="">{empty}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </FormField>
  );
}
