'use client';
import type { Patient } from '@clinikapi/core';
import { forwardRef, type HTMLAttributes, useId, useRef } from 'react';
import { useRowNavigation } from '../../list/useRowNavigation.js';
import type { ClinikMessages } from '../../messages.js';
import { useClinik, useMessages } from '../../provider/context.js';
import { cx } from '../../ui/cx.js';
import {
  type BuiltInPatientColumnId,
  defaultPatientColumns,
  type PatientColumn,
  resolveColumns,
} from './columns.js';
import { PatientListFooter } from './PatientListFooter.js';
import { PatientListStatusMessage } from './PatientListStatusMessage.js';
import { type UsePatientListStateOptions, usePatientListState } from './usePatientListState.js';

export interface PatientListProps
  extends UsePatientListStateOptions,
    Omit<HTMLAttributes<HTMLDivElement>, 'onSelect'> {
  /** Columns, as built-in ids and/or your own definitions. Defaults to name, date of birth, gender, phone, email. */
  columns?: readonly (BuiltInPatientColumnId | PatientColumn)[] | undefined;
  /** Label overrides for this list. Defaults to the provider's messages. */
  messages?: Partial<ClinikMessages> | undefined;
  /** Height of the scrolling area in px. Defaults to 480. */
  height?: number | undefined;
  /** Height of one row in px (rows are virtualized at this size). Defaults to 44. */
  rowHeight?: number | undefined;
}

/** A searchable, paginated, keyboard-navigable table of patients that renders only visible rows. */
export const PatientList = forwardRef<HTMLDivElement, PatientListProps>(function PatientList(
  {
    columns = defaultPatientColumns,
    messages: messageOverrides,
    height = 480,
    rowHeight = 44,
    pagination,
    pageSize,
    searchDelayMs,
    filters,
    selectedId,
    onSelect,
    className,
    style,
    ...rest
  },
  ref,
) {
  const { locale, timeZone } = useClinik();
  const messages = useMessages(messageOverrides);
  const state = usePatientListState({
    pagination,
    pageSize,
    searchDelayMs,
    filters,
    selectedId,
    onSelect,
  });
  const scrollRef = useRef<HTMLElement>(null);
  const searchId = useId();
  const resolved = resolveColumns(columns);
  const activate = (index: number) => {
    const patient = state.patients[index];
    if (patient) state.select(patient);
  };
  const rows = useRowNavigation({
    count: state.patients.length,
    scrollRef,
    rowHeight,
    viewportHeight: height,
    onActivate: activate,
    onEndReached: state.mode === 'infinite' ? state.infinite.loadMore : undefined,
  });
  const cellContext = { locale, timeZone, messages };
  const renderRow = (patient: Patient, index: number) => {
    const selected = patient.id === state.selectedId;
    return (
      <tr
        key={patient.id}
        className="ck-patient-list__row"
        data-row-index={index}
        data-state={selected ? 'selected' : undefined}
        aria-rowindex={index + 2}
        aria-selected={selected}
        tabIndex={index === rows.activeIndex ? 0 : -1}
        style={{ height: rowHeight }}
        onClick={() => {
          rows.setActiveIndex(index);
          activate(index);
        }}
        onKeyDown={(event) => rows.onRowKeyDown(event, index)}
      >
        {resolved.map((column) => (
          <td key={column.id} data-column={column.id}>
            {column.cell(patient, cellContext)}
          </td>
        ))}
      </tr>
    );
  };

  return (
    <div
      ref={ref}
      className={cx('ck-patient-list', className)}
      data-state={state.status}
      data-fetching={state.isFetching ? '' : undefined}
      style={style}
      {...rest}
    >
      <div className="ck-patient-list__toolbar">
        <label className="ck-label" htmlFor={searchId}>
          {messages.searchPatientsLabel}
        </label>
        <input
          id={searchId}
          className="ck-input ck-patient-list__search"
          type="search"
          autoComplete="off"
          value={state.search}
          onChange={(event) => state.setSearch(event.target.value)}
        />
      </div>
      {/* Scrolling is what virtualization hangs on, so it is inline: it works without styles.css.
          Named, and a Tab stop while it has no row to focus (an empty result at a narrow width
          still scrolls by keyboard: axe scrollable-region-focusable); with rows, the focused row
          scrolls it (arrow keys) and the region stays focusable for Retry. */}
      <section
        className="ck-patient-list__viewport"
        ref={scrollRef}
        aria-label={messages.patientsScrollLabel}
        tabIndex={state.patients.length > 0 ? -1 : 0}
        style={{ maxHeight: height, overflowY: 'auto' }}
      >
        {' '}
        <table
          className="ck-table ck-patient-list__table"
          aria-label={messages.patientsTableLabel}
          aria-rowcount={state.total === undefined ? -1 : state.total + 1}
          aria-busy={state.isFetching}
        >
          <thead>
            <tr aria-rowindex={1}>
              {resolved.map((column) => (
                <th key={column.id} scope="col" data-column={column.id}>
                  {column.header(messages)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.paddingTop > 0 && (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row standing in for unrendered rows; it is not focusable
              <tr aria-hidden="true" className="ck-patient-list__spacer">
                <td colSpan={resolved.length} style={{ height: rows.paddingTop, padding: 0 }} />
              </tr>
            )}
            {rows.items.map((item) => {
              const patient = state.patients[item.index];
              return patient ? renderRow(patient, item.index) : null;
            })}
            {rows.paddingBottom > 0 && (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row standing in for unrendered rows; it is not focusable
              <tr aria-hidden="true" className="ck-patient-list__spacer">
                <td colSpan={resolved.length} style={{ height: rows.paddingBottom, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <PatientListStatusMessage state={state} messages={messages} focusAfterRetry={scrollRef} />
      <PatientListFooter state={state} messages={messages} />
    </div>
  );
});
