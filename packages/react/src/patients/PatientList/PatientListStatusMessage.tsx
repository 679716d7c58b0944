import type { ClinikMessages } from '../../messages.js';
import { errorText } from '../../ui/errorText.js';
import type { PatientListState } from './usePatientListState.js';

/** Loading, empty and error states. The status region is always present so changes are announced. */
export function PatientListStatusMessage({
  state,
  messages,
}: {
  state: PatientListState;
  messages: ClinikMessages;
}) {
  if (state.status === 'error') {
    const reason = errorText(state.error, messages);
    return (
      <div className="ck-patient-list__message ck-alert" role="alert">
        <span>
          {messages.loadPatientsFailed}
          {reason ? ` ${reason}` : null}
        </span>{' '}
        <button type="button" className="ck-button" onClick={state.retry}>
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
