import { cloneElement, type ReactElement, useId } from 'react';

export interface FormFieldProps {
  label: string;
  error?: string | undefined;
  /** The control; it receives `id`, `aria-invalid` and `aria-describedby`. */
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}

/** A label, a native control and its error, wired together (the error is read with the control). */
export function FormField({ label, error, children, className }: FormFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={className ?? 'ck-field'} data-invalid={error ? '' : undefined}>
      <label htmlFor={id} className="ck-label">
        {label}
      </label>
      {cloneElement(children, {
        id,
        className: children.props.className ?? 'ck-input',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? (
        <p id={errorId} className="ck-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
