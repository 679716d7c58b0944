'use client';
import type { Immunization } from '@clinikapi/core';
import { forwardRef, type HTMLAttributes, useId } from 'react';
import { codeValueText } from '../../coded/codeValue.js';
import { ListStatus } from '../../list/ListStatus.js';
import { useClinik } from '../../provider/context.js';
import { formatDay } from '../../time/format.js';
import { dayKeyOf, isValidTimeZone } from '../../time/zone.js';
import { cx } from '../../ui/cx.js';
import { type ImmunizationMessages, immunizationMessages } from '../immunizationMessages.js';
import { useImmunizationList } from '../useImmunizations.js';

export interface ImmunizationListProps extends Omit<HTMLAttributes<HTMLElement>, 'onSelect'> {
  /** Whose immunizations. The list follows this id (never another patient's rows meanwhile). */
  patientId: string | undefined;
  /** Called by each row's Edit button (e.g. to open `ImmunizationForm`). Without it, no Edit. */
  onEdit?: ((immunization: Immunization) => void) | undefined;
  /** Also list records marked entered in error. Defaults to false. */
  includeEnteredInError?: boolean | undefined;
  /** IANA zone the dates are shown in. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<ImmunizationMessages> | undefined;
}

/**
 * A patient's immunization history, newest first: vaccine, date (in the practice zone), dose
 * number in its series, lot, site and route, and whether it was given (or why not).
 */
export const ImmunizationList = forwardRef<HTMLElement, ImmunizationListProps>(
  function ImmunizationList(
    {
      patientId,
      onEdit,
      includeEnteredInError,
      timeZone: zoneProp,
      messages: overrides,
      className,
      ...rest
    },
    ref,
  ) {
    const clinik = useClinik();
    const m = immunizationMessages(overrides);
    const timeZone = zoneProp && isValidTimeZone(zoneProp) ? zoneProp : clinik.timeZone;
    const list = useImmunizationList(patientId, { includeEnteredInError });
    const headingId = useId();
    const dayOf = (i: Immunization) =>
      formatDay(dayKeyOf(i.occurrenceDateTime, timeZone), clinik.locale, 'short');

    return (
      <section
        ref={ref}
        aria-labelledby={headingId}
        aria-busy={list.query.isFetching || undefined}
        className={cx('ck-immunization-list', className)}
        data-state={list.status}
        {...rest}
      >
        <h2 id={headingId}>{m.immunizations}</h2>
        <ListStatus
          status={list.status}
          messages={{
            loading: m.loadingImmunizations,
            empty: patientId ? m.noImmunizations : m.noPatient,
            failed: m.loadImmunizationsFailed,
            retry: m.retry,
          }}
          queries={[list.query]}
          readyText={m.immunizationsCount(list.rows.length)}
        />
        {list.rows.length > 0 ? (
          <table className="ck-table ck-immunization-list__table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{m.vaccine}</th>
                <th scope="col">{m.date}</th>
                <th scope="col">{m.dose}</th>
                <th scope="col">{m.lotNumber}</th>
                <th scope="col">{m.siteAndRoute}</th>
                <th scope="col">{m.status}</th>
                {onEdit ? <th scope="col">{m.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.rows.map((i) => {
                const vaccine = codeValueText(i.vaccineCode);
                const protocol = i.protocolApplied?.[0];
                return (
                  <tr key={i.id} data-status={i.status}>
                    <th scope="row">{vaccine}</th>
                    <td>{dayOf(i)}</td>
                    <td>
                      {protocol
                        ? m.doseShown(
                            protocol.doseNumberPositiveInt,
                            protocol.seriesDosesPositiveInt,
                          )
                        : ''}
                    </td>
                    <td>{i.lotNumber ?? ''}</td>
                    <td>
                      {[codeValueText(i.site), codeValueText(i.route)].filter(Boolean).join(', ')}
                    </td>
                    <td>
                      <span className="ck-badge" data-status={i.status}>
                        {m.statusLabels[i.status]}
                      </span>
                      {i.statusReason ? (
                        <span className="ck-muted">
                          {' '}
                          {m.reasonShown(codeValueText(i.statusReason))}
                        </span>
                      ) : null}
                    </td>
                    {onEdit ? (
                      <td>
                        <button
                          type="button"
                          className="ck-button"
                          aria-label={m.editLabel(vaccine, dayOf(i))}
                          onClick={() => onEdit(i)}
                        >
                          {m.edit}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
    );
  },
);
