'use client';
import { forwardRef, type HTMLAttributes, useId } from 'react';
import { ListStatus } from '../../list/ListStatus.js';
import { useClinik } from '../../provider/context.js';
import { formatDateTime } from '../../time/format.js';
import { cx } from '../../ui/cx.js';
import { flagLabel, formatMeasured } from '../format.js';
import { usePracticeZone } from '../practiceTime.js';
import { usePatientVitals } from '../usePatientVitals.js';
import { VITAL_KEYS, VITALS, type VitalKey } from '../vitalSigns.js';
import { type VitalsMessages, vitalsMessages } from '../vitalsMessages.js';
import { TrendChart } from './TrendChart.js';
import { trendOf, type VitalTrend } from './trend.js';

export interface VitalsTrendProps extends HTMLAttributes<HTMLElement> {
  /** Whose vitals. Follows changes: another patient's readings are never shown meanwhile. */
  patientId: string | undefined;
  /** Which vitals to chart, in this order. Defaults to every vital with readings. */
  vitals?: readonly VitalKey[] | undefined;
  /** IANA zone of axis ticks and labels. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** Heading level of each chart's title. Defaults to 3. */
  headingLevel?: 2 | 3 | 4 | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<VitalsMessages> | undefined;
}

/**
 * A chart per vital (blood pressure as two series), drawn as accessible SVG with no chart
 * library: `<title>`/`<desc>`, keyboard-reachable labelled points, reference bands, axes in the
 * practice zone, and the same readings as a table (`<details>`). Withdrawn readings are not
 * plotted (the table and list show them).
 */
export const VitalsTrend = forwardRef<HTMLElement, VitalsTrendProps>(function VitalsTrend(
  {
    patientId,
    vitals,
    timeZone: zoneProp,
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
  const trends = (vitals ?? VITAL_KEYS)
    .map((vital) => trendOf(vital, data.readingsOf(vital), messages, timeZone, clinik.locale))
    .filter((t) => vitals !== undefined || t.readings.length > 0);
  const status = !patientId
    ? 'empty'
    : data.status === 'ready'
      ? trends.some((t) => t.readings.length > 0)
        ? 'ready'
        : 'empty'
      : data.status;
  const Heading = `h${headingLevel}` as const;

  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      aria-busy={data.query.isFetching || undefined}
      className={cx('ck-vitals-trend', className)}
      data-state={status}
      {...rest}
    >
      <h2 id={headingId} className="ck-vitals__title">
        {messages.trendOf(messages.vitals)}
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
      {status === 'ready' ? (
        <>
          <p className="ck-muted ck-vitals-trend__help">{messages.trendHelp}</p>
          {trends.map((trend) => (
            <TrendFigure
              key={trend.vital}
              trend={trend}
              Heading={Heading}
              messages={messages}
              timeZone={timeZone}
              locale={clinik.locale}
            />
          ))}
        </>
      ) : null}
    </section>
  );
});

function TrendFigure({
  trend,
  Heading,
  messages,
  timeZone,
  locale,
}: {
  trend: VitalTrend;
  Heading: 'h2' | 'h3' | 'h4';
  messages: VitalsMessages;
  timeZone: string;
  locale: string;
}) {
  const titleId = useId();
  const def = VITALS[trend.vital];
  const hasPoints = trend.series.some((s) => s.points.length > 0);
  return (
    <figure className="ck-vitals-trend__figure" aria-labelledby={titleId} data-vital={trend.vital}>
      <Heading id={titleId} className="ck-vitals-trend__title">
        {trend.title}
      </Heading>
      {hasPoints ? (
        <>
          <TrendChart trend={trend} messages={messages} timeZone={timeZone} locale={locale} />
          {def.panel ? (
            <ul className="ck-trend__legend">
              {trend.series.map((s, i) => (
                <li key={s.measure} data-series={i}>
                  <span className="ck-trend__swatch" aria-hidden="true" data-series={i} />
                  {s.label}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="ck-muted">{messages.noTrend(trend.title)}</p>
      )}
      {trend.notPlotted > 0 ? (
        <p className="ck-muted">{messages.notPlotted(trend.notPlotted)}</p>
      ) : null}
      {trend.readings.length > 0 ? (
        <details className="ck-vitals-trend__table">
          <summary>{messages.showTable}</summary>
          <table className="ck-vitals-table">
            <caption className="ck-vitals__sr">{messages.historyOf(trend.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{messages.when}</th>
                {def.measures.map((m) => (
                  <th scope="col" key={m}>
                    {messages.measureLabels[m]}
                  </th>
                ))}
                <th scope="col">{messages.flag}</th>
              </tr>
            </thead>
            <tbody>
              {[...trend.readings].reverse().map((reading) => (
                <tr key={reading.id}>
                  <th scope="row">
                    <time dateTime={reading.effectiveDateTime}>
                      {formatDateTime(reading.effectiveDateTime as string, { timeZone, locale })}
                    </time>
                  </th>
                  {def.measures.map((m) => {
                    const value = reading.values[m];
                    return (
                      <td key={m}>{value ? formatMeasured(m, value, messages, locale) : ''}</td>
                    );
                  })}
                  <td>
                    {def.measures
                      .map((m) => {
                        const flag = reading.values[m]?.flag;
                        if (!flag) return '';
                        return def.panel
                          ? `${messages.measureLabels[m]}: ${flagLabel(flag, messages)}`
                          : flagLabel(flag, messages);
                      })
                      .filter(Boolean)
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
