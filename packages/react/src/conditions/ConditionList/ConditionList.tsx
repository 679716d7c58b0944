'use client';
import type { Condition } from '@clinikapi/core';
import { forwardRef, type HTMLAttributes, useId } from 'react';
import { codeValueText, codingSource, isCoding } from '../../coded/codeValue.js';
import { ListStatus } from '../../list/ListStatus.js';
import { useClinik } from '../../provider/context.js';
import { formatFhirDate } from '../../time/fhirDates.js';
import { cx } from '../../ui/cx.js';
import { type ConditionMessages, conditionMessages } from '../conditionMessages.js';
import { usePatientConditions } from '../usePatientConditions.js';

export interface UseConditionListOptions {
  /**
   * Whose problems. The list follows this id: while another patient's problems load it shows
   * its loading state, never the previous patient's rows.
   */
  patientId: string | undefined;
  /** Wording overrides. Defaults to English (`defaultConditionMessages`). */
  messages?: Partial<ConditionMessages> | undefined;
}

/** State of a problem list without markup: the grouped records and their status. */
export function useConditionList({ patientId, messages }: UseConditionListOptions) {
  return { ...usePatientConditions(patientId), messages: conditionMessages(messages) };
}

export interface ConditionListProps
  extends UseConditionListOptions,
    Omit<HTMLAttributes<HTMLElement>, 'children' | 'onSelect'> {
  /** Called with a condition when its Edit button is pressed; without it rows have no button. */
  onSelect?: ((condition: Condition) => void) | undefined;
  /** Also list records marked entered in error. Defaults to false. */
  showEnteredInError?: boolean | undefined;
  /** Show inactive, remitted and resolved problems open rather than folded. Defaults to false. */
  expandInactive?: boolean | undefined;
  /** Heading level of the list's title. Defaults to 3. */
  headingLevel?: 2 | 3 | 4 | undefined;
}

function ProblemTable({
  caption,
  rows,
  m,
  onSelect,
  format,
}: {
  caption: string;
  rows: Condition[];
  m: ConditionMessages;
  onSelect: ((condition: Condition) => void) | undefined;
  format: { locale: string; timeZone: string };
}) {
  return (
    <table className="ck-table ck-condition-list__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.columnProblem}</th>
          <th scope="col">{m.columnStatus}</th>
          <th scope="col">{m.columnOnset}</th>
          <th scope="col">{m.columnAbatement}</th>
          <th scope="col">{m.columnNote}</th>
          {onSelect && <th scope="col">{m.columnActions}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((condition) => {
          const name = codeValueText(condition.code);
          return (
            <tr
              key={condition.id}
              className="ck-condition-list__row"
              data-status={
                condition.verificationStatus === 'entered-in-error'
                  ? 'entered-in-error'
                  : condition.clinicalStatus
              }
            >
              <th scope="row">
                <span className="ck-condition-list__name">{name}</span>
                <span className="ck-condition-list__code">
                  {isCoding(condition.code) ? codingSource(condition.code) : m.notCoded}
                </span>
              </th>
              <td>
                {[
                  condition.clinicalStatus
                    ? m.clinicalStatusLabels[condition.clinicalStatus]
                    : condition.verificationStatus === 'entered-in-error'
                      ? ''
                      : m.statusNotSpecified,
                  condition.verificationStatus
                    ? m.verificationStatusLabels[condition.verificationStatus]
                    : '',
                  condition.severity ? m.severityLabels[condition.severity] : '',
                ]
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td>{formatFhirDate(condition.onsetDateTime, format)}</td>
              <td>{formatFhirDate(condition.abatementDateTime, format)}</td>
              <td className="ck-condition-list__note">{condition.note}</td>
              {onSelect && (
                <td>
                  <button type="button" className="ck-button" onClick={() => onSelect(condition)}>
                    {m.edit(name)}
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * A patient's problem list: active problems first, then recurrences and relapses, then
 * inactive, remitted and resolved ones (folded unless `expandInactive`), each latest onset
 * first, with the coded problem (SNOMED CT / ICD-10-CM, or "not coded"), status, verification,
 * severity, onset and abatement. `data-state`: `loading`, `error`, `empty` or `ready`.
 */
export const ConditionList = forwardRef<HTMLElement, ConditionListProps>(function ConditionList(
  {
    patientId,
    messages,
    onSelect,
    showEnteredInError = false,
    expandInactive = false,
    headingLevel = 3,
    className,
    ...rest
  },
  ref,
) {
  const list = useConditionList({ patientId, messages });
  const { locale, timeZone } = useClinik();
  const format = { locale, timeZone };
  const m = list.messages;
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const shownCount =
    list.active.length +
    list.returned.length +
    list.inactive.length +
    (showEnteredInError ? list.enteredInError.length : 0);
  const state = list.status === 'ready' ? (shownCount === 0 ? 'empty' : 'ready') : list.status;

  return (
    <section
      ref={ref}
      className={cx('ck-condition-list', className)}
      aria-labelledby={headingId}
      aria-busy={list.status === 'loading' || undefined}
      data-state={state}
      {...rest}
    >
      <Heading id={headingId} className="ck-condition-list__title">
        {m.problems}
      </Heading>
      {list.status !== 'idle' && (
        <ListStatus
          status={state === 'idle' ? 'loading' : state}
          messages={{
            loading: m.loadingProblems,
            empty: m.noProblems,
            failed: m.loadProblemsFailed,
            retry: m.retry,
          }}
          queries={[{ refetch: list.refetch }]}
        />
      )}
      {state === 'ready' && (
        <>
          {list.active.length > 0 && (
            <ProblemTable
              caption={m.activeGroup(list.active.length)}
              rows={list.active}
              m={m}
              onSelect={onSelect}
              format={format}
            />
          )}
          {list.returned.length > 0 && (
            <ProblemTable
              caption={m.returnedGroup(list.returned.length)}
              rows={list.returned}
              m={m}
              onSelect={onSelect}
              format={format}
            />
          )}
          {list.inactive.length > 0 && (
            <details className="ck-condition-list__inactive" open={expandInactive || undefined}>
              <summary>{m.inactiveGroup(list.inactive.length)}</summary>
              <ProblemTable
                caption={m.inactiveGroup(list.inactive.length)}
                rows={list.inactive}
                m={m}
                onSelect={onSelect}
                format={format}
              />
            </details>
          )}
          {showEnteredInError && list.enteredInError.length > 0 && (
            <details className="ck-condition-list__entered-in-error">
              <summary>{m.enteredInErrorGroup(list.enteredInError.length)}</summary>
              <ProblemTable
                caption={m.enteredInErrorGroup(list.enteredInError.length)}
                rows={list.enteredInError}
                m={m}
                onSelect={onSelect}
                format={format}
              />
            </details>
          )}
        </>
      )}
    </section>
  );
});
