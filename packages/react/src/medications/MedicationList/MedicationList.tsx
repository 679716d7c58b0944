'use client';
import type { Prescription } from '@clinikapi/core';
import { Fragment, forwardRef, type HTMLAttributes, useId } from 'react';
import { useRecordState } from '../../form/recordState.js';
import { ListStatus } from '../../list/ListStatus.js';
import { useClinik } from '../../provider/context.js';
import { formatDay } from '../../time/format.js';
import { dayKeyOf, isValidTimeZone } from '../../time/zone.js';
import { cx } from '../../ui/cx.js';
import { codeLabel } from '../codes.js';
import { describeDosage } from '../dosage.js';
import { type MedicationMessages, medicationMessages } from '../medicationMessages.js';
import type { ResolveIngredients } from '../useAllergyCheck.js';
import { useMedicationList } from '../usePrescriptions.js';
import {
  actionsFor,
  type PrescriptionAction,
  PrescriptionStatusPanel,
} from './PrescriptionStatusPanel.js';

export interface MedicationListProps extends Omit<HTMLAttributes<HTMLElement>, 'onSelect'> {
  /**
   * Whose medications. The list follows this id: another patient's rows are never shown while
   * the next patient's load, and an open status change is closed.
   */
  patientId: string | undefined;
  /** Called by each row's Edit button (e.g. to open `PrescriptionForm`). Without it, no Edit. */
  onEdit?: ((prescription: Prescription) => void) | undefined;
  /** Offer Stop, Put on hold and Resume on rows whose status allows them. Defaults to true. */
  statusActions?: boolean | undefined;
  /** Passed to the resume panel's allergy check. Defaults to the built-in RxNorm table. */
  resolveIngredients?: ResolveIngredients | undefined;
  /** IANA zone the written dates are shown in. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** Called after a status change was stored. */
  onStatusChanged?: ((prescription: Prescription) => void) | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<MedicationMessages> | undefined;
}

interface OpenAction {
  id: string;
  action: PrescriptionAction;
}

const ACTION_LABEL = (m: MedicationMessages, action: PrescriptionAction) =>
  action === 'stop' ? m.stop : action === 'hold' ? m.hold : m.resume;

/**
 * A patient's medications: current prescriptions (active, on hold, drafts) and past ones, as
 * tables with the medication, dosage in words (dose, route, frequency per period, course
 * length), status with its reason, and the date written in the practice zone. Rows offer Edit and
 * status changes with a reason (`PrescriptionStatusPanel`); every control is a native button.
 */
export const MedicationList = forwardRef<HTMLElement, MedicationListProps>(function MedicationList(
  {
    patientId,
    onEdit,
    statusActions = true,
    resolveIngredients,
    timeZone: zoneProp,
    onStatusChanged,
    messages: overrides,
    className,
    ...rest
  },
  ref,
) {
  const clinik = useClinik();
  const m = medicationMessages(overrides);
  const timeZone = zoneProp && isValidTimeZone(zoneProp) ? zoneProp : clinik.timeZone;
  const list = useMedicationList(patientId);
  const headingId = useId();
  const [panel, setPanel] = useRecordState<{ open?: OpenAction; notice?: string }>(
    `patient:${patientId ?? ''}`,
    () => ({}),
  );
  const open = panel.open;
  const written = (p: Prescription) =>
    p.authoredOn ? formatDay(dayKeyOf(p.authoredOn, timeZone), clinik.locale, 'short') : '';

  const renderRows = (rows: Prescription[]) =>
    rows.map((p) => {
      const medication = codeLabel(p.medication);
      const actions = statusActions ? actionsFor(p.status) : [];
      const panelOpen = open?.id === p.id ? open.action : undefined;
      return (
        <Fragment key={p.id}>
          <tr data-status={p.status}>
            <th scope="row">{medication}</th>
            <td>{describeDosage(p, m)}</td>
            <td>
              <span className="ck-badge" data-status={p.status}>
                {m.statusLabels[p.status]}
              </span>
              {p.statusReason ? (
                <span className="ck-muted ck-medication-list__reason">
                  {' '}
                  {m.reasonShown(codeLabel(p.statusReason))}
                </span>
              ) : null}
            </td>
            <td>{written(p)}</td>
            <td>
              <div className="ck-actions">
                {onEdit ? (
                  <button
                    type="button"
                    className="ck-button"
                    aria-label={m.editLabel(medication)}
                    onClick={() => onEdit(p)}
                  >
                    {m.edit}
                  </button>
                ) : null}
                {actions.map((action) => (
                  <button
                    key={action}
                    type="button"
                    className="ck-button"
                    aria-label={m.actionLabel(ACTION_LABEL(m, action), medication)}
                    aria-expanded={panelOpen === action}
                    onClick={() =>
                      setPanel({ open: panelOpen === action ? undefined : { id: p.id, action } })
                    }
                  >
                    {ACTION_LABEL(m, action)}
                  </button>
                ))}
              </div>
            </td>
          </tr>
          {panelOpen ? (
            <tr className="ck-medication-list__panel">
              <td colSpan={5}>
                <PrescriptionStatusPanel
                  prescription={p}
                  action={panelOpen}
                  resolveIngredients={resolveIngredients}
                  messages={overrides}
                  onDone={(changed, saved) => {
                    setPanel({
                      notice:
                        changed && saved
                          ? m.statusChanged(m.statusLabels[saved.status])
                          : undefined,
                    });
                    if (changed && saved) onStatusChanged?.(saved);
                  }}
                />
              </td>
            </tr>
          ) : null}
        </Fragment>
      );
    });

  const section = (key: string, title: string, rows: Prescription[]) =>
    rows.length === 0 ? null : (
      <table key={key} className="ck-table ck-medication-list__table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{m.medication}</th>
            <th scope="col">{m.dosage}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.written}</th>
            <th scope="col">{m.actions}</th>
          </tr>
        </thead>
        <tbody>{renderRows(rows)}</tbody>
      </table>
    );

  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      aria-busy={list.query.isFetching || undefined}
      className={cx('ck-medication-list', className)}
      data-state={list.status}
      {...rest}
    >
      <h2 id={headingId}>{m.medications}</h2>
      <ListStatus
        status={list.status}
        messages={{
          loading: m.loadingMedications,
          empty: patientId ? m.noMedications : m.noPatient,
          failed: m.loadMedicationsFailed,
          retry: m.retry,
        }}
        queries={[list.query]}
        readyText={m.medicationsCount(list.total)}
      />
      <p className="ck-form-status" role="status">
        {panel.notice}
      </p>
      {section('current', m.current, list.current)}
      {section('past', m.past, list.past)}
    </section>
  );
});
