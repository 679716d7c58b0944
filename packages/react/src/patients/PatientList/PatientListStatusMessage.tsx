import { type RefObject, useEffect, useRef } from 'react';
import type { ClinikMessages } from '../../messages.js';
import { errorText } from '../../ui/errorText.js';
import type { PatientListState } from './usePatientListState.js';

/**
 * Loading, empty and error states. The status region is always present so changes are announced.
 * Retry keeps focus while the list loads again; once it has loaded (the alert and its button are
 * gone), focus moves to `focusAfterRetry` (the table's scrolling region) instead of `<body>`.
 */
export function PatientListStatusMessage({
  state,
  messages,
  focusAfterRetry,
}: {
  state: PatientListState;
  messages: ClinikMessages;
  focusAfterRetry?: RefObject<HTMLElement | null>;
}) {
  const retried = useRef(false);
  useEffect(() => {
    if (state.status === 'error' || !retried.current) return;
    retried.current = false;
    const active = document.activeElement;
    if (!active || active === document.body) focusAfterRetry?.current?.focus();
  }, [state.status, focusAfterRetry]);
  if (state.status === 'error') {
    const reason = errorText(state.error, messages);
    return (
      <div className="ck-patient-list__message ck-alert" role="alert">
        <span>
          {messages.loadPatientsFailed}
          {reason ? ` ${reason}` : null}
        </span>{' '}
        <button
          type="button"
          className="ck-button"
          onClick={() => {
            retried.current = true;
            state.retry();
          }}
        >
          {messages.retry}
        </button>
      </div>
    );
  }
  const text =
    state.status === 'loading'
      ? messages.loadingPatients
      : state.status === 'empty'
        ? state.searchTerm
          ? messages.noPatientsMatching(state.searchTerm)
          : messages.noPatients
        : state.searchTerm && state.total !== undefined
          ? messages.patientsFound(state.total)
          : '';
  return (
    <div className="ck-patient-list__message" role="status">
      {text}
    </div>
  );
}
