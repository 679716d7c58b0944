import type { ClinikMessages } from '../../messages.js';
import type { PatientListState } from './usePatientListState.js';

/** Previous/next page controls, or "Load more" for infinite lists (also the keyboard path). */
export function PatientListFooter({
  state,
  messages,
}: {
  state: PatientListState;
  messages: ClinikMessages;
}) {
  if (state.status !== 'ready') return null;
  if (state.mode === 'infinite') {
    if (!state.infinite.hasMore && !state.infinite.isLoadingMore) return null;
    return (
      <div className="ck-patient-list__footer">
        <button
          type="button"
          className="ck-button"
          onClick={state.infinite.loadMore}
          disabled={state.infinite.isLoadingMore}
        >
          {state.infinite.isLoadingMore ? messages.loadingMore : messages.loadMore}
        </button>
      </div>
    );
  }
  const { pages } = state;
  return (
    <div className="ck-patient-list__footer">
      <span className="ck-patient-list__range">
        {messages.pageStatus(pages.from, pages.to, state.total ?? pages.to)}
      </span>
      <button
        type="button"
        className="ck-button"
        onClick={pages.previous}
        disabled={!pages.hasPrevious}
      >
        {messages.previousPage}
      </button>
      <button type="button" className="ck-button" onClick={pages.next} disabled={!pages.hasNext}>
        {messages.nextPage}
      </button>
    </div>
  );
}
