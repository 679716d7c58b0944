'use client';
import type { Allergy } from '@clinikapi/core';
import { forwardRef, type HTMLAttributes, useId } from 'react';
import { codeValueText, codingSource, isCoding } from '../../coded/codeValue.js';
import { ListStatus } from '../../list/ListStatus.js';
import { useClinik } from '../../provider/context.js';
import { formatFhirDate } from '../../time/fhirDates.js';
import { cx } from '../../ui/cx.js';
import { type AllergyMessages, allergyMessages } from '../allergyMessages.js';
import { useNoKnownAllergies } from '../useNoKnownAllergies.js';
import { usePatientAllergies } from '../usePatientAllergies.js';

export interface UseAllergyListOptions {
  /**
   * Whose allergies. The list follows this id: while another patient's allergies load it shows
   * its loading state, never the previous patient's rows.
   */
  patientId: string | undefined;
  /** Wording overrides. Defaults to English (`defaultAllergyMessages`). */
  messages?: Partial<AllergyMessages> | undefined;
}

/** State of an allergy list without markup: the classified records and the statement actions. */
export function useAllergyList({ patientId, messages }: UseAllergyListOptions) {
  const m = allergyMessages(messages);
  const allergies = usePatientAllergies(patientId);
  const statement = useNoKnownAllergies(patientId, { messages });
  return { ...allergies, statement, messages: m };
}

export interface AllergyListProps
  extends UseAllergyListOptions,
    Omit<HTMLAttributes<HTMLElement>, 'children' | 'onSelect'> {
  /** Called with an allergy when its Edit button is pressed; without it rows have no button. */
  onSelect?: ((allergy: Allergy) => void) | undefined;
  /** Offer "Record “No known allergies”" when nothing current is on file. Defaults to false. */
  canRecordNoKnownAllergies?: boolean | undefined;
  /** Also list records marked entered in error. Defaults to false. */
  showEnteredInError?: boolean | undefined;
  /** Heading level of the list's title. Defaults to 3. */
  headingLevel?: 2 | 3 | 4 | undefined;
}

function Reactions({ allergy, m }: { allergy: Allergy; m: AllergyMessages }) {
  const reactions = allergy.reactions ?? [];
  if (reactions.length === 0) return null;
  return (
    <ul className="ck-allergy-list__reactions">
      {reactions.map((reaction, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: reactions have no id; the list is rebuilt whole
        <li key={index}>
          {reaction.manifestation}
          {reaction.severity ? ` (${m.severityLabels[reaction.severity].toLowerCase()})` : ''}
        </li>
      ))}
    </ul>
  );
}

function AllergyTable({
  caption,
  rows,
  m,
  onSelect,
  format,
}: {
  caption: string;
  rows: Allergy[];
  m: AllergyMessages;
  onSelect: ((allergy: Allergy) => void) | undefined;
  format: { locale: string; timeZone: string };
}) {
  return (
    <table className="ck-table ck-allergy-list__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.columnSubstance}</th>
          <th scope="col">{m.columnCriticality}</th>
          <th scope="col">{m.columnReactions}</th>
          <th scope="col">{m.columnCategory}</th>
          <th scope="col">{m.columnStatus}</th>
          <th scope="col">{m.columnOnset}</th>
          {onSelect && <th scope="col">{m.columnActions}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((allergy) => {
          const substance = codeValueText(allergy.code);
          return (
            <tr
              key={allergy.id}
              className="ck-allergy-list__row"
              data-criticality={allergy.criticality}
              data-status={allergy.verificationStatus ?? allergy.clinicalStatus}
            >
              <th scope="row">
                <span className="ck-allergy-list__substance">{substance}</span>
                <span className="ck-allergy-list__code">
                  {isCoding(allergy.code) ? codingSource(allergy.code) : m.notCoded}
                </span>
              </th>
              <td>{allergy.criticality ? m.criticalityLabels[allergy.criticality] : ''}</td>
              <td>
                <Reactions allergy={allergy} m={m} />
              </td>
              <td>
                {[
                  ...(allergy.category ?? []).map((c) => m.categoryLabels[c]),
                  ...(allergy.type ? [m.typeLabels[allergy.type]] : []),
                ].join(', ')}
              </td>
              <td>
                {[
                  allergy.clinicalStatus ? m.clinicalStatusLabels[allergy.clinicalStatus] : '',
                  allergy.verificationStatus
                    ? m.verificationStatusLabels[allergy.verificationStatus]
                    : '',
                ]
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td>{formatFhirDate(allergy.onsetDateTime, format)}</td>
              {onSelect && (
                <td>
                  <button type="button" className="ck-button" onClick={() => onSelect(allergy)}>
                    {m.edit(substance)}
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
 * A patient's allergies and intolerances: current ones most critical first, with coded substance,
 * criticality, reactions, category, status and onset; inactive and resolved ones apart. Says
 * which of three things is true when no allergy is current: "No known allergies" was recorded,
 * only inactive ones are on file, or allergies were never recorded. A "No known allergies"
 * statement contradicted by recorded allergies is flagged, never shown as the answer.
 * `data-state`: `loading`, `error`, or the record state (`allergies`, `no-known-allergies`,
 * `no-active`, `not-recorded`).
 */
export const AllergyList = forwardRef<HTMLElement, AllergyListProps>(function AllergyList(
  {
    patientId,
    messages,
    onSelect,
    canRecordNoKnownAllergies = false,
    showEnteredInError = false,
    headingLevel = 3,
    className,
    ...rest
  },
  ref,
) {
  const list = useAllergyList({ patientId, messages });
  const { locale, timeZone } = useClinik();
  const format = { locale, timeZone };
  const m = list.messages;
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const loaded = list.status === 'ready';
  const state = loaded ? list.state : list.status;
  const statement = list.noKnownAllergies;
  const saving = list.statement.status === 'saving';

  return (
    <section
      ref={ref}
      className={cx('ck-allergy-list', className)}
      aria-labelledby={headingId}
      aria-busy={list.status === 'loading' || undefined}
      data-state={state}
      {...rest}
    >
      <Heading id={headingId} className="ck-allergy-list__title">
        {m.allergies}
      </Heading>
      {!loaded && list.status !== 'idle' && (
        <ListStatus
          status={list.status === 'error' ? 'error' : 'loading'}
          messages={{
            loading: m.loadingAllergies,
            empty: '',
            failed: m.loadAllergiesFailed,
            retry: m.retry,
          }}
          queries={[{ refetch: list.refetch }]}
        />
      )}
      {loaded && (
        <>
          {list.state === 'no-known-allergies' && statement && (
            <p className="ck-allergy-list__summary" data-summary="no-known-allergies">
              <strong>
                {m.noKnownAllergies(
                  formatFhirDate(statement.recordedDate ?? statement.createdAt, format),
                )}
              </strong>
            </p>
          )}
          {list.state === 'not-recorded' && (
            <p className="ck-allergy-list__summary" data-summary="not-recorded">
              <strong>{m.notRecorded}</strong>
            </p>
          )}
          {list.state === 'no-active' && (
            <p className="ck-allergy-list__summary" data-summary="no-active">
              <strong>{m.noActiveAllergies}</strong>
            </p>
          )}
          {list.contradicted && statement && (
            <div className="ck-alert ck-allergy-list__contradiction">
              <p>{m.noKnownAllergiesContradicted}</p>
              <button
                type="button"
                className="ck-button"
                aria-disabled={saving || undefined}
                onClick={() => void list.statement.markInactive(statement)}
              >
                {m.markNoKnownAllergiesInactive}
              </button>
            </div>
          )}
          {canRecordNoKnownAllergies &&
            (list.state === 'not-recorded' || list.state === 'no-active') && (
              <button
                type="button"
                className="ck-button"
                aria-disabled={saving || undefined}
                onClick={() => void list.statement.record()}
              >
                {saving ? m.recordingNoKnownAllergies : m.recordNoKnownAllergies}
              </button>
            )}
          {list.active.length > 0 && (
            <AllergyTable
              caption={m.activeAllergies(list.active.length)}
              rows={list.active}
              m={m}
              onSelect={onSelect}
              format={format}
            />
          )}
          {list.inactive.length > 0 && (
            <details className="ck-allergy-list__inactive">
              <summary>
                {m.inactiveAllergies} ({list.inactive.length})
              </summary>
              <AllergyTable
                caption={m.inactiveAllergies}
                rows={list.inactive}
                m={m}
                onSelect={onSelect}
                format={format}
              />
            </details>
          )}
          {showEnteredInError && list.enteredInError.length > 0 && (
            <details className="ck-allergy-list__entered-in-error">
              <summary>
                {m.enteredInError} ({list.enteredInError.length})
              </summary>
              <AllergyTable
                caption={m.enteredInError}
                rows={list.enteredInError}
                m={m}
                onSelect={onSelect}
                format={format}
              />
            </details>
          )}
        </>
      )}
      {list.statement.status === 'error' || list.statement.status === 'refused' ? (
        <p className="ck-alert" role="alert">
          {list.statement.message}
        </p>
      ) : null}
      <p className="ck-allergy-list__notice" role="status">
        {list.statement.status === 'saved' ? list.statement.message : ''}
      </p>
    </section>
  );
});
