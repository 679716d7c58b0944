'use client';
import {
  createContext,
  forwardRef,
  type HTMLAttributes,
  type ReactNode,
  type RefObject,
  useContext,
  useId,
  useRef,
} from 'react';
import { codeValueText } from '../coded/codeValue.js';
import { LoadFailed } from '../list/LoadFailed.js';
import { describeDosage } from '../medications/dosage.js';
import { medicationMessages } from '../medications/medicationMessages.js';
import { PatientCard } from '../patients/PatientCard/PatientCard.js';
import { useClinik } from '../provider/context.js';
import { formatDateTime } from '../time/format.js';
import { cx } from '../ui/cx.js';
import { flagLabel, formatReading } from '../vitals/format.js';
import { VITALS } from '../vitals/vitalSigns.js';
import { vitalsMessages } from '../vitals/vitalsMessages.js';
import {
  SUMMARY_SECTIONS,
  type SummaryMessages,
  type SummarySection,
  summaryMessages,
} from './summaryMessages.js';
import { type SectionState, useChartSummary } from './useChartSummary.js';

export interface PatientSummaryProps extends HTMLAttributes<HTMLElement> {
  /** The patient whose chart is summarized. The summary follows changes of this id. */
  patientId: string;
  /** Which sections to show, in this order. Defaults to all (`SUMMARY_SECTIONS`). */
  sections?: readonly SummarySection[] | undefined;
  /**
   * Where each section's full widget lives, e.g. `{ allergies: '#allergies' }`: the section's
   * heading then links there. Defaults to no links.
   */
  hrefs?: Partial<Record<SummarySection, string>> | undefined;
  /** Rows shown per list section before "and N more". Defaults to 5. */
  maxRows?: number | undefined;
  /** Heading level of the section titles (the summary sits under your page's heading). Defaults to 3. */
  headingLevel?: 2 | 3 | 4 | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<SummaryMessages> | undefined;
}

/**
 * The chart at a glance: demographics, active problems, allergies (an explicit "No known
 * allergies" when recorded so, which differs from "not recorded"), active medications, latest
 * vitals, immunizations given and upcoming appointments. Each section loads on its own, says
 * when it is empty or failed (with Retry), and links to its full widget when `hrefs` names one.
 */
export const PatientSummary = forwardRef<HTMLElement, PatientSummaryProps>(function PatientSummary(
  {
    patientId,
    sections = SUMMARY_SECTIONS,
    hrefs = {},
    maxRows = 5,
    headingLevel = 3,
    messages: overrides,
    className,
    ...rest
  },
  ref,
) {
  const m = summaryMessages(overrides);
  const summary = useChartSummary(patientId);
  const { timeZone, locale } = useClinik();
  const vm = vitalsMessages();
  const mm = medicationMessages();
  const at = (instant: string | undefined) =>
    instant ? formatDateTime(instant, { timeZone, locale }) : '';

  const body: Record<SummarySection, () => ReactNode> = {
    demographics: () => <PatientCard patientId={patientId} />,
    problems: () =>
      rows(
        summary.problems,
        m,
        maxRows,
        (p) => [...p.active, ...p.returned],
        m.noActiveProblems,
        (c) => (
          <>
            {codeValueText(c.code)}
            {c.clinicalStatus === 'recurrence' || c.clinicalStatus === 'relapse' ? (
              <span className="ck-muted"> ({m.returnedProblem})</span>
            ) : null}
          </>
        ),
      ),
    allergies: () => {
      const state = summary.allergies;
      if (state.status !== 'ready') return sectionStatus(state, m);
      const { data } = state;
      if (data.state === 'no-known-allergies') return <p>{m.noKnownAllergies}</p>;
      if (data.state === 'not-recorded') return <p>{m.allergiesNotRecorded}</p>;
      if (data.state === 'no-active') return <p>{m.noActiveAllergies(data.inactiveCount)}</p>;
      return (
        <>
          {data.contradicted ? <p className="ck-error-text">{m.allergiesContradicted}</p> : null}
          {list(data.active, m, maxRows, (a) => (
            <>
              {codeValueText(a.code)}
              {a.criticality === 'high' ? (
                <strong className="ck-summary__flag"> ({m.highCriticality})</strong>
              ) : null}
            </>
          ))}
        </>
      );
    },
    medications: () =>
      rows(
        summary.medications,
        m,
        maxRows,
        (list) => list,
        m.noActiveMedications,
        (p) => (
          <>
            {codeValueText(p.medication)}
            {p.status === 'on-hold' ? <span className="ck-muted"> ({m.onHold})</span> : null}
            {describeDosage(p, mm) ? (
              <span className="ck-muted"> · {describeDosage(p, mm)}</span>
            ) : null}
          </>
        ),
      ),
    vitals: () =>
      rows(
        summary.vitals,
        m,
        VITALS_SHOWN,
        (list) => list,
        m.noVitals,
        (r) => {
          const flags = Object.values(r.values)
            .map((value) => value?.flag)
            .filter((flag): flag is string => flag === 'H' || flag === 'L');
          return (
            <>
              <span className="ck-summary__label">{vm.vitalLabels[r.vital]}:</span>{' '}
              {formatReading(r, vm, locale)}
              {flags.length > 0 ? (
                <strong className="ck-summary__flag">
                  {' '}
                  ({flags.map((f) => flagLabel(f, vm)).join(', ')})
                </strong>
              ) : null}
              <span className="ck-muted"> · {at(r.effectiveDateTime)}</span>
            </>
          );
        },
      ),
    immunizations: () =>
      rows(
        summary.immunizations,
        m,
        maxRows,
        (list) => list,
        m.noImmunizations,
        (i) => (
          <>
            {codeValueText(i.vaccineCode)}
            {i.status === 'not-done' ? <span className="ck-muted"> ({m.notGiven})</span> : null}
            <span className="ck-muted"> · {at(i.occurrenceDateTime)}</span>
          </>
        ),
      ),
    appointments: () =>
      rows(
        summary.appointments,
        m,
        maxRows,
        (list) => list,
        m.noUpcomingAppointments,
        (a) => (
          <>
            {at(a.start)}
            {a.reasonCode ? <span className="ck-muted"> · {a.reasonCode}</span> : null}
          </>
        ),
      ),
  };

  return (
    <section
      ref={ref}
      className={cx('ck-summary', className)}
      aria-label={m.summaryLabel(undefined)}
      {...rest}
    >
      {sections.map((name) => (
        <SummarySectionBox
          key={name}
          title={m.sectionTitles[name]}
          href={hrefs[name]}
          linkText={m.openSection[name]}
          headingLevel={headingLevel}
          section={name}
        >
          {body[name]()}
        </SummarySectionBox>
      ))}
    </section>
  );
});

/** Every vital has one latest reading: show them all. */
const VITALS_SHOWN = Object.keys(VITALS).length;

function SummarySectionBox({
  title,
  href,
  linkText,
  headingLevel,
  section,
  children,
}: {
  title: string;
  href: string | undefined;
  linkText: string;
  headingLevel: 2 | 3 | 4;
  section: SummarySection;
  children: ReactNode;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="ck-summary__section" data-section={section} aria-labelledby={headingId}>
      <div className="ck-summary__header">
        <Heading id={headingId} ref={heading} tabIndex={-1}>
          {title}
        </Heading>
        {href ? <a href={href}>{linkText}</a> : null}
      </div>
      <SectionHeading.Provider value={heading}>{children}</SectionHeading.Provider>
    </section>
  );
}

/** The heading of the section around: where focus goes when its Retry worked. */
const SectionHeading = createContext<RefObject<HTMLHeadingElement | null> | undefined>(undefined);

function SectionLoadFailed(props: {
  message: string;
  retryLabel: string;
  state: Extract<SectionState<unknown>, { status: 'error' }>;
}) {
  const heading = useContext(SectionHeading);
  return (
    <LoadFailed
      message={props.message}
      retryLabel={props.retryLabel}
      queries={[{ refetch: async () => props.state.retry(), error: props.state.error }]}
      focusAfterRetry={heading}
    />
  );
}

function sectionStatus(state: SectionState<unknown>, m: SummaryMessages): ReactNode {
  if (state.status === 'loading') {
    return (
      <p className="ck-muted" role="status">
        {m.loading}
      </p>
    );
  }
  if (state.status === 'error') {
    return <SectionLoadFailed message={m.loadFailed} retryLabel={m.retry} state={state} />;
  }
  return null;
}

function list<T extends { id: string }>(
  items: readonly T[],
  m: SummaryMessages,
  maxRows: number,
  render: (item: T) => ReactNode,
): ReactNode {
  const shown = items.slice(0, maxRows);
  return (
    <>
      <ul className="ck-summary__list">
        {shown.map((item) => (
          <li key={item.id}>{render(item)}</li>
        ))}
      </ul>
      {items.length > shown.length ? (
        <p className="ck-muted">{m.more(items.length - shown.length)}</p>
      ) : null}
    </>
  );
}

function rows<D, T extends { id: string }>(
  state: SectionState<D>,
  m: SummaryMessages,
  maxRows: number,
  itemsOf: (data: D) => readonly T[],
  empty: string,
  render: (item: T) => ReactNode,
): ReactNode {
  if (state.status !== 'ready') return sectionStatus(state, m);
  const items = itemsOf(state.data);
  return items.length === 0 ? <p>{empty}</p> : list(items, m, maxRows, render);
}
