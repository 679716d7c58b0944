import { cloneElement, type ReactElement, type ReactNode, useId } from 'react';
import { cx } from '../ui/cx.js';

/** What a field's control receives: its id and its wiring to the description and the error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required'?: true;
}

export interface FormFieldProps {
  label: ReactNode;
  /**
   * Id of the control. Forms pass theirs (`form.fieldId(name)`), so focus can move to the input
   * after a refused save. Defaults to a generated id.
   */
  id?: string | undefined;
  error?: string | undefined;
  /** Said under the control and read with it (`aria-describedby`), e.g. the expected format. */
  description?: ReactNode | undefined;
  /** Class of the description. Defaults to `ck-field__hint`. */
  descriptionClassName?: string | undefined;
  /** The value is required: said to assistive technology (`aria-required`). Defaults to false. */
  required?: boolean | undefined;
  /** Classes added to the wrapper's `ck-field`. */
  className?: string | undefined;
  /**
   * The control, given its id, `aria-invalid`, `aria-describedby` and `aria-required` (a native
   * control without a class also gets `ck-input`); or a function that renders the control, and
   * whatever sits next to it, from those props.
   */
  children: ReactElement<Record<string, unknown>> | ((control: FieldControlProps) => ReactNode);
}

/** A field's error, read with its control (`id` is what the control's `aria-describedby` names). */
export function FieldError({ id, children }: { id: string; children?: string | undefined }) {
  return children ? (
    <p id={id} className="ck-field__error">
      {children}
    </p>
  ) : null;
}

/**
 * The form kit's field: a label, a control, an optional description and the field's error, wired
 * together (the label names the control; the description and the error are read with it, the
 * error also marks it `aria-invalid`). `data-invalid` on the wrapper while there is an error.
 */
export function FormField({
  label,
  id: idProp,
  error,
  description,
  descriptionClassName = 'ck-field__hint',
  required,
  className,
  children,
}: FormFieldProps) {
  const generated = useId();
  const id = idProp ?? generated;
  const descriptionId = `${id}-hint`;
  const errorId = `${id}-error`;
  const control: FieldControlProps = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby':
      [description ? descriptionId : '', error ? errorId : ''].filter(Boolean).join(' ') ||
      undefined,
    ...(required ? { 'aria-required': true as const } : {}),
  };
  return (
    <div className={cx('ck-field', className)} data-invalid={error ? '' : undefined}>
      <label htmlFor={id} className="ck-label">
        {label}
      </label>
      {typeof children === 'function'
        ? children(control)
        : cloneElement(children, {
            ...control,
            ...(typeof children.type === 'string' && children.props.className === undefined
              ? { className: 'ck-input' }
              : {}),
          })}
      {description ? (
        <p id={descriptionId} className={descriptionClassName}>
          {description}
        </p>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
