'use client';
import { type CSSProperties, forwardRef, type InputHTMLAttributes } from 'react';
import { cx } from '../ui/cx.js';
import { codingSource } from './codeValue.js';
import { type UseCodeInputOptions, useCodeInput } from './useCodeInput.js';

export interface CodeInputProps
  extends UseCodeInputOptions,
    Omit<
      InputHTMLAttributes<HTMLInputElement>,
      'value' | 'defaultValue' | 'onChange' | 'type' | 'role' | 'id'
    > {
  /** Classes of the wrapper element (`ck-code-input`); every other prop goes to the input. */
  className?: string | undefined;
}

/** Present for screen readers, invisible on screen; inline so it works without styles.css. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * A searchable, keyboard-accessible input for a coded value (WAI-ARIA combobox with a listbox
 * popup): suggestions come from a shipped value set loaded on first focus (`valueSet`), inline
 * `options`, or the app's own terminology service (`searchCodes`, debounced and abortable). The
 * chosen suggestion is stored with its code system, code and display; with `allowFreeText`,
 * typed text that matches nothing is stored as text and marked "not coded".
 *
 * Label it like any input (`<label htmlFor={id}>`, `aria-labelledby` or `aria-label`). Exposes
 * `data-state` (`idle`, `loading`, `ready`, `empty`, `error`), `data-expanded` and
 * `data-free-text` on the wrapper. The ref is the input's.
 */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(function CodeInput(
  {
    value,
    onChange,
    valueSet,
    options,
    searchCodes,
    allowFreeText,
    systems,
    debounceMs,
    minSearchLength,
    maxOptions,
    messages,
    id,
    className,
    onKeyDown,
    onFocus,
    onBlur,
    onClick,
    ...rest
  },
  ref,
) {
  const state = useCodeInput({
    value,
    onChange,
    valueSet,
    options,
    searchCodes,
    allowFreeText,
    systems,
    debounceMs,
    minSearchLength,
    maxOptions,
    messages,
    id,
  });
  const input = state.getInputProps();
  const hintId = `${state.inputId}-hint`;
  const describedBy =
    [rest['aria-describedby'], state.isFreeText ? hintId : undefined].filter(Boolean).join(' ') ||
    undefined;
  const showMessage = state.open && !state.expanded && state.status !== 'idle';

  return (
    <div
      className={cx('ck-code-input', className)}
      data-state={state.status}
      data-expanded={state.expanded ? '' : undefined}
      data-free-text={state.isFreeText ? '' : undefined}
    >
      <input
        className="ck-input ck-code-input__input"
        {...rest}
        {...input}
        ref={ref}
        aria-describedby={describedBy}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          if (!event.defaultPrevented) input.onKeyDown(event);
        }}
        onFocus={(event) => {
          onFocus?.(event);
          input.onFocus();
        }}
        onBlur={(event) => {
          onBlur?.(event);
          input.onBlur(event);
        }}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented) input.onClick();
        }}
      />
      {state.isFreeText && (
        <span id={hintId} className="ck-code-input__hint">
          {state.messages.notCoded}
        </span>
      )}
      {state.expanded && (
        <ul className="ck-code-input__listbox" {...state.getListboxProps()}>
          {state.results.map((coding, index) => (
            <li
              key={`${coding.system}|${coding.code}|${coding.display}`}
              className="ck-code-input__option"
              {...state.getOptionProps(index)}
            >
              <span className="ck-code-input__display">{coding.display ?? coding.code}</span>{' '}
              <span className="ck-code-input__source">{codingSource(coding)}</span>
            </li>
          ))}
        </ul>
      )}
      {showMessage && (
        // Shown for sighted users; the status region below says the same to screen readers.
        <div className="ck-code-input__message" aria-hidden="true">
          {state.statusText}
        </div>
      )}
      <span {...state.getStatusProps()} style={visuallyHidden}>
        {state.statusText}
      </span>
    </div>
  );
});
