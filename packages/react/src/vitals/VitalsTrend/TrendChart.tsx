'use client';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { formatNumber } from '../format.js';
import { MEASURES } from '../vitalSigns.js';
import type { VitalsMessages } from '../vitalsMessages.js';
import { linear, timeTicks, valueAxis } from './scales.js';
import type { TrendPoint, VitalTrend } from './trend.js';

const HEIGHT = 220;
const MARGIN = { top: 26, right: 20, bottom: 30, left: 48 };
const HALF_DAY = 12 * 3_600_000;

/** The width of an element, following resizes; `fallback` before layout (server, jsdom). */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * One vital as an SVG line chart: a labelled group with `<title>` and `<desc>`, a reference band
 * per series, round value ticks and time ticks in the practice zone, series told apart by line
 * style and marker shape (not colour alone). Points are one tab stop: arrow keys move in time,
 * Up/Down switch series, Home/End jump; each point names its series, value, flag and time.
 */
export function TrendChart({
  trend,
  messages,
  timeZone,
  locale,
}: {
  trend: VitalTrend;
  messages: VitalsMessages;
  timeZone: string;
  locale: string;
}) {
  const titleId = useId();
  const descId = useId();
  const [boxRef, width] = useWidth(560);
  const series = trend.series.filter((s) => s.points.length > 0);
  const [active, setActive] = useState<{ series: number; point: number } | undefined>(undefined);
  const [focused, setFocused] = useState(false);
  const pointRefs = useRef(new Map<string, SVGElement>());

  const values = series.flatMap((s) => [
    ...s.points.map((p) => p.value),
    ...(s.range?.low !== undefined ? [s.range.low] : []),
    ...(s.range?.high !== undefined ? [s.range.high] : []),
  ]);
  const yAxis = valueAxis(Math.min(...values), Math.max(...values));
  const from = trend.from === trend.to ? trend.from - HALF_DAY : trend.from;
  const to = trend.from === trend.to ? trend.to + HALF_DAY : trend.to;
  const innerWidth = Math.max(width - MARGIN.left - MARGIN.right, 40);
  const x = linear(from, to, MARGIN.left, MARGIN.left + innerWidth);
  const y = linear(yAxis.min, yAxis.max, HEIGHT - MARGIN.bottom, MARGIN.top);
  const xTicks = timeTicks(from, to, timeZone, locale, Math.max(2, Math.floor(innerWidth / 110)));
  // As many decimals as the ticks need (0 for 60, 70, ...; 1 for 36.5; 2 for 36.25).
  const tickDecimals = Math.max(
    0,
    ...yAxis.ticks.map((t) => (String(t).split('.')[1] ?? '').length),
  );

  // The roving tab stop: the last point of the first series until the user moves.
  const current = active ?? { series: 0, point: (series[0]?.points.length ?? 1) - 1 };
  const activePoint: TrendPoint | undefined = series[current.series]?.points[current.point];

  const moveTo = (next: { series: number; point: number }) => {
    setActive(next);
    const point = series[next.series]?.points[next.point];
    if (point) pointRefs.current.get(point.key)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGElement>) => {
    const s = series[current.series];
    if (!s) return;
    const last = s.points.length - 1;
    let next: { series: number; point: number } | undefined;
    if (event.key === 'ArrowRight') next = { ...current, point: Math.min(current.point + 1, last) };
    else if (event.key === 'ArrowLeft')
      next = { ...current, point: Math.max(current.point - 1, 0) };
    else if (event.key === 'Home') next = { ...current, point: 0 };
    else if (event.key === 'End') next = { ...current, point: last };
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const target = current.series + (event.key === 'ArrowUp' ? -1 : 1);
      const other = series[target];
      if (other && activePoint) {
        // The reading nearest in time on the other series.
        let best = 0;
        other.points.forEach((p, i) => {
          const o = other.points[best] as TrendPoint;
          if (Math.abs(p.at - activePoint.at) < Math.abs(o.at - activePoint.at)) best = i;
        });
        next = { series: target, point: best };
      }
    }
    if (next) {
      event.preventDefault();
      moveTo(next);
    }
  };

  return (
    <div ref={boxRef} className="ck-trend__box">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG chart cannot be a fieldset; the group names the labelled points */}
      <svg
        className="ck-trend__svg"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{messages.trendOf(trend.title)}</title>
        <desc id={descId}>{trend.description}</desc>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: axes, bands and lines only (no focusable child); the points below carry the data */}
        <g aria-hidden="true">
          {series.map((s) =>
            s.range ? (
              <rect
                key={`band-${s.measure}`}
                className="ck-trend__band"
                data-series={s.measure}
                x={MARGIN.left}
                width={innerWidth}
                y={y(s.range.high ?? yAxis.max)}
                height={Math.max(y(s.range.low ?? yAxis.min) - y(s.range.high ?? yAxis.max), 0)}
              />
            ) : null,
          )}
          {yAxis.ticks.map((tick) => (
            <g key={`y-${tick}`}>
              <line
                className="ck-trend__grid"
                x1={MARGIN.left}
                x2={MARGIN.left + innerWidth}
                y1={y(tick)}
                y2={y(tick)}
              />
              <text
                className="ck-trend__tick"
                x={MARGIN.left - 6}
                y={y(tick)}
                dy="0.32em"
                textAnchor="end"
              >
                {formatNumber(tick, tickDecimals, locale)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <g key={`x-${tick.at}`}>
              <line
                className="ck-trend__axis"
                x1={x(tick.at)}
                x2={x(tick.at)}
                y1={HEIGHT - MARGIN.bottom}
                y2={HEIGHT - MARGIN.bottom + 4}
              />
              <text
                className="ck-trend__tick"
                x={x(tick.at)}
                y={HEIGHT - MARGIN.bottom + 16}
                textAnchor="middle"
              >
                {tick.label}
              </text>
            </g>
          ))}
          <line
            className="ck-trend__axis"
            x1={MARGIN.left}
            x2={MARGIN.left + innerWidth}
            y1={HEIGHT - MARGIN.bottom}
            y2={HEIGHT - MARGIN.bottom}
          />
          <text className="ck-trend__tick" x={4} y={12}>
            {messages.unitLabels[MEASURES[series[0]?.measure ?? 'heartRate'].ucum]}
          </text>
          {series.map((s, index) => (
            <polyline
              key={`line-${s.measure}`}
              className="ck-trend__line"
              data-series={index}
              points={s.points.map((p) => `${x(p.at)},${y(p.value)}`).join(' ')}
            />
          ))}
        </g>
        {series.map((s, si) => (
          <g key={`points-${s.measure}`} className="ck-trend__points" data-series={si}>
            {s.points.map((p, pi) => {
              const isActive = si === current.series && pi === current.point;
              const common = {
                ref: (node: SVGElement | null) => {
                  if (node) pointRefs.current.set(p.key, node);
                  else pointRefs.current.delete(p.key);
                },
                className: 'ck-trend__point',
                role: 'img',
                'aria-label': p.label,
                tabIndex: isActive ? 0 : -1,
                'data-flag': p.flag,
                onKeyDown,
                onFocus: () => {
                  setActive({ series: si, point: pi });
                  setFocused(true);
                },
                onBlur: () => setFocused(false),
                onClick: () => moveTo({ series: si, point: pi }),
              };
              return si % 2 === 0 ? (
                <circle key={p.key} {...common} cx={x(p.at)} cy={y(p.value)} r={5} />
              ) : (
                <rect
                  key={p.key}
                  {...common}
                  x={x(p.at) - 4.5}
                  y={y(p.value) - 4.5}
                  width={9}
                  height={9}
                />
              );
            })}
          </g>
        ))}
        {focused && activePoint ? (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a visual echo of the focused point's own label
          <text
            className="ck-trend__callout"
            aria-hidden="true"
            x={Math.min(
              Math.max(x(activePoint.at), MARGIN.left + 40),
              MARGIN.left + innerWidth - 40,
            )}
            y={Math.max(y(activePoint.value) - 12, MARGIN.top + 4)}
            textAnchor="middle"
          >
            {`${activePoint.text}${activePoint.flag && activePoint.flag !== 'N' ? ` (${activePoint.flag})` : ''}`}
          </text>
        ) : null}
      </svg>
    </div>
  );
}
