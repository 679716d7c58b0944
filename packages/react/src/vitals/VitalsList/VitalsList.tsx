'use client';
import { forwardRef, type HTMLAttributes, useId, useState } from 'react';
import { ListStatus } from '../../list/ListStatus.js';
import { useClinik } from '../../provider/context.js';
import { RANGE_LIMIT } from '../../queries/collect.js';
import { formatDateTime } from '../../time/format.js';
import { cx } from '../../ui/cx.js';
import { flagLabel, formatEntry, formatRange, formatReading } from '../format.js';
import { isCurrentResult, type VitalReading } from '../observations.js';
import { usePracticeZone } from '../practiceTime.js';
import { fromCanonical, unitsForLocale, type VitalUnits } from '../units.js';
import { usePatientVitals } from '../usePatientVitals.js';
import { VITAL_KEYS, VITALS, type VitalKey, type VitalMeasure } from '../vitalSigns.js';
import { type VitalsMessages, vitalsMessages } from '../vitalsMessages.js';

export interface VitalsListProps extends HTMLAttributes<HTMLElement> {
  /** Whose vitals. Follows changes: another patient's readings are never shown meanwhile. */
  patientId: string | undefined;
  /** Which vitals to list, in this order. Defaults to every vital with readings. */
  vitals?: readonly VitalKey[] | undefined;
  /** IANA zone times are shown in. Defaults to the provider's. */
  timeZone?: string | undefined;
  /**
   * Units shown after the stored (canonical) value, e.g. `69.9 kg (154.1 lb)`. Defaults to the
   * locale's (US customary for en-US); canonical units show nothing extra.
   */
  units?: Partial<VitalUnits> | undefined;
  /** Rows shown per vital before "Show all". Defaults to 5. */
  initialCount?: number | undefined;
  /** Offers "Edit" on each reading that can still change (e.g. open `VitalsForm observationId`). */
  onEdit?: ((reading: VitalReading) => void) | undefined;
  /** Heading level of each vital's title. Defaults to 3. */
  headingLevel?: 3 | 4 | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<VitalsMessages> | undefined;
}

const CONVERTIBLE: Partial<Record<VitalMeasure, keyof VitalUnits>> = {
  bodyTemperature: 'bodyTemperature',
  bodyHeight: 'bodyHeight',
  bodyWeight: 'bodyWeight',
};

/**
 * A patient's vital signs, one table per vital, latest first, in the practice zone: the stored
 * value in its canonical unit (and the user's unit), the flag (`interpretation`) and the
 * reference range it was judged by, and the status (amended, corrected, entered in error, which
 * is struck out). Loading, empty and error states with Retry.
 */
export const VitalsList = forwardRef<HTMLElement, VitalsListProps>(function VitalsList(
  {
    patientId,
    vitals,
    timeZone: zoneProp,
    units,
    initialCount = 5,
    onEdit,
    headingLevel = 3,
    messages: overrides,
    className,
    ...rest
  },
  ref,
) {
  const clinik = useClinik();
  const timeZone = usePracticeZone(zoneProp);
  const messages = vitalsMessages(overrides);
  const headingId = useId();
  const data = usePatientVitals(patientId);
  const shown = { ...unitsForLocale(clinik.locale), ...units };
  const keys = (vitals ?? VITAL_KEYS).filter(
    (vital) => vitals !== undefined || data.readingsOf(vital).length > 0,
  );
  const status = !patientId
    ? 'empty'
    : data.status === 'ready'
      ? data.readings.length === 0
        ? 'empty'
        : 'ready'
      : data.status;

  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      aria-busy={data.query.isFetching || undefined}
      className={cx('ck-vitals-list', className)}
      data-state={status}
      {...rest}
    >
      <h2 id={headingId} className="ck-vitals__title">
        {messages.vitals}
      </h2>
      <ListStatus
        status={status}
        messages={{
          loading: messages.loadingVitals,
          empty: messages.noVitals,
          failed: messages.loadVitalsFailed,
          retry: messages.retry,
        }}
        queries={[data.query]}
      />
      {status === 'ready' && data.truncated ? (
        <p className="ck-muted">{messages.truncated(RANGE_LIMIT)}</p>
      ) : null}
      {status === 'ready'
        ? keys.map((vital) => (
            <VitalHistory
              key={vital}
              vital={vital}
              readings={data.readingsOf(vital)}
              initialCount={initialCount}
              onEdit={onEdit}
              Heading={`h${headingLevel}`}
              messages={messages}
              timeZone={timeZone}
              locale={clinik.locale}
              units={shown}
            />
          ))
        : null}
    </section>
  );
});

function VitalHistory({
  vital,
  readings,
  initialCount,
  onEdit,
  Heading,
  messages,
  timeZone,
  locale,
  units,
}: {
  vital: VitalKey;
  readings: readonly VitalReading[];
  initialCount: number;
  onEdit: ((reading: VitalReading) => void) | undefined;
  Heading: 'h3' | 'h4';
  messages: VitalsMessages;
  timeZone: string;
  locale: string;
  units: VitalUnits;
}) {
  const titleId = useId();
  const [all, setAll] = useState(false);
  const def = VITALS[vital];
  const rows = all ? readings : readings.slice(0, initialCount);
  const label = messages.vitalLabels[vital];
  const when = (r: VitalReading) =>
    r.effectiveDateTime
      ? formatDateTime(r.effectiveDateTime, { timeZone, locale })
      : messages.noTime;

  const valueText = (r: VitalReading) => {
    const text = formatReading(r, messages, locale);
    const measure = def.measures[0] as VitalMeasure;
    const unitKey = CONVERTIBLE[measure];
    const value = r.values[measure];
    if (!unitKey || !value?.canonical) return text;
    const unit = units[unitKey];
    if (unit === 'Cel' || unit === 'cm' || unit === 'kg') return text;
    const other = fromCanonical(value.value, unit);
    return `${text} (${formatEntry(other.value, unit, messages, locale, other.feet)})`;
  };
  const perMeasure = (pick: (m: VitalMeasure) => string) =>
    def.measures
      .map((m) => {
        const text = pick(m);
        return text && def.panel ? `${messages.measureLabels[m]}: ${text}` : text;
      })
      .filter(Boolean)
      .join('; ');

  return (
    <section className="ck-vitals-list__vital" aria-labelledby={titleId} data-vital={vital}>
      <Heading id={titleId} className="ck-vitals-list__title">
        {label}
      </Heading>
      <table className="ck-vitals-table">
        <caption className="ck-vitals__sr">{messages.historyOf(label)}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.when}</th>
            <th scope="col">{messages.value}</th>
            <th scope="col">{messages.flag}</th>
            <th scope="col">{messages.range}</th>
            <th scope="col">{messages.status}</th>
            {onEdit ? (
              <th scope="col">
                <span className="ck-vitals__sr">{messages.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const withdrawn = r.status === 'entered-in-error';
            const flags = perMeasure((m) =>
              r.values[m]?.flag ? flagLabel(r.values[m]?.flag, messages) : '',
            );
            const anyAbnormal = def.measures.some((m) => {
              const f = r.values[m]?.flag;
              return f !== undefined && f !== 'N';
            });
            return (
              <tr
                key={r.id}
                data-status={r.status}
                data-flag={anyAbnormal ? 'abnormal' : flags ? 'normal' : undefined}
              >
                <th scope="row">
                  {r.effectiveDateTime ? (
                    <time dateTime={r.effectiveDateTime}>{when(r)}</time>
                  ) : (
                    when(r)
                  )}
                </th>
                <td>{withdrawn ? <s>{valueText(r)}</s> : valueText(r)}</td>
                <td>{withdrawn ? '' : flags}</td>
                <td>
                  {perMeasure((m) => {
                    const range = r.values[m]?.range;
                    return range ? formatRange(m, range, messages, locale) : '';
                  })}
                </td>
                <td>{r.status === 'final' ? '' : messages.statusLabels[r.status]}</td>
                {onEdit ? (
                  <td>
                    {withdrawn ||
                    (!isCurrentResult(r.status) && r.status !== 'preliminary') ? null : (
                      <button
                        type="button"
                        className="ck-button ck-vitals__edit"
                        aria-label={messages.edit(label, when(r))}
                        onClick={() => onEdit(r)}
                      >
                        {messages.editShort}
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {readings.length > initialCount ? (
        <button
          type="button"
          className="ck-button ck-vitals-list__more"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? messages.showFewer : messages.showAll(readings.length)}
        </button>
      ) : null}
    </section>
  );
}
