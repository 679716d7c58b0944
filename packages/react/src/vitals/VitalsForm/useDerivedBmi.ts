'use client';
import type { Observation, ObservationPatch } from '@clinikapi/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { RecordChangedError, useGuardedUpdate } from '../../form/guardedUpdate.js';
import { useRecordState } from '../../form/recordState.js';
import { useMessages } from '../../provider/context.js';
import { resourceQueries } from '../../queries/clinikQueries.js';
import { errorText } from '../../ui/errorText.js';
import { bmiNoteFor, bmisDerivedFrom, bmiValue } from '../bmi.js';
import { formatMeasure, formatMeasured } from '../format.js';
import { isCurrentResult, readingOf, type VitalReading } from '../observations.js';
import { patientVitalsQuery } from '../usePatientVitals.js';
import type { VitalsMessages } from '../vitalsMessages.js';

const observations = resourceQueries('observations');

/** What to do about one BMI computed from the reading just saved. */
export interface DerivedBmiOffer {
  /**
   * `update`: recomputed from the amended weight or height; `withdraw`: that weight or height was
   * withdrawn; `review`: it cannot be recomputed here (nothing to press, only said).
   */
  kind: 'update' | 'withdraw' | 'review';
  /** The BMI as read by id when the offer was made: the version a write is conditional on. */
  bmi: Observation;
  /** The offer as said, e.g. "BMI recorded with this weight is 22.9 kg/m²; with the new value it is 23.5 kg/m²." */
  text: string;
  /** What the offer's button PATCHes (none for `review`). */
  patch?: ObservationPatch | undefined;
  /** Said once the patch is stored. */
  done?: string | undefined;
}

/** What taking an offer did: `refused` when the BMI was not written (changed meanwhile, failed). */
export interface DerivedBmiResult {
  text: string;
  refused: boolean;
}

interface DerivedState {
  offers: DerivedBmiOffer[];
  /** Outcomes of the offers taken, latest last; `refused` when nothing was written. */
  results: DerivedBmiResult[];
  /** The BMI whose change is in flight. */
  busy: string | undefined;
  notice: string | undefined;
  focus: boolean;
}

const initial = (): DerivedState => ({
  offers: [],
  results: [],
  busy: undefined,
  notice: undefined,
  focus: false,
});

interface Context {
  messages: VitalsMessages;
  locale: string;
  formatWhen: (iso: string) => string;
}

const canonicalValue = (reading: VitalReading | undefined, vital: 'bodyWeight' | 'bodyHeight') => {
  const value = reading?.vital === vital ? reading.values[vital] : undefined;
  return value?.canonical ? value.value : undefined;
};

/**
 * The offer for one BMI computed from `saved` (a body weight or height just amended or
 * withdrawn), or none when the BMI's value does not change. Reads the BMI's other measurement
 * by id (through `read`) to recompute it.
 */
async function offerFor(
  bmi: Observation,
  saved: Observation,
  read: (id: string) => Promise<Observation | undefined>,
  { messages, locale, formatWhen }: Context,
): Promise<DerivedBmiOffer | undefined> {
  const source = readingOf(saved);
  const reading = readingOf(bmi);
  const stands =
    reading?.vital === 'bmi' &&
    isCurrentResult(bmi.status) &&
    bmi.patientId === saved.patientId &&
    (bmi.derivedFromIds ?? []).includes(saved.id);
  if (!source || !stands || (source.vital !== 'bodyWeight' && source.vital !== 'bodyHeight')) {
    return undefined;
  }
  const was = reading.values.bmi;
  const wasText = was ? formatMeasured('bmi', was, messages, locale) : messages.value;
  const sourceLabel = messages.measureLabels[source.vital].toLowerCase();
  if (saved.status === 'entered-in-error') {
    const when = bmi.effectiveDateTime ? formatWhen(bmi.effectiveDateTime) : messages.noTime;
    return {
      kind: 'withdraw',
      bmi,
      text: messages.bmiFromWithdrawn(sourceLabel, wasText, when),
      patch: { status: 'entered-in-error' },
      done: messages.bmiWithdrawn,
    };
  }
  const otherId = (bmi.derivedFromIds ?? []).find((id) => id !== saved.id);
  const other = otherId ? await read(otherId) : undefined;
  const otherReading =
    other && other.patientId === saved.patientId && isCurrentResult(other.status)
      ? readingOf(other)
      : undefined;
  const weight = source.vital === 'bodyWeight' ? source : otherReading;
  const height = source.vital === 'bodyHeight' ? source : otherReading;
  const weightKg = canonicalValue(weight, 'bodyWeight');
  const heightCm = canonicalValue(height, 'bodyHeight');
  const range = was?.range;
  if (
    weightKg === undefined ||
    heightCm === undefined ||
    !was?.canonical ||
    (bmi.interpretation !== undefined && range === undefined)
  ) {
    return { kind: 'review', bmi, text: messages.bmiNotRecomputable(sourceLabel, wasText) };
  }
  const next = bmiValue(weightKg, heightCm, range);
  if (next.value === was.value) return undefined;
  const nowText = formatMeasure('bmi', next.value, messages, locale);
  // A recorded height of another time is named with its time, as VitalsForm's note does.
  const heightTime = height?.effectiveDateTime;
  const heightWhen =
    heightTime && heightTime !== bmi.effectiveDateTime ? formatWhen(heightTime) : undefined;
  return {
    kind: 'update',
    bmi,
    text: messages.bmiRecomputed(sourceLabel, wasText, nowText),
    patch: {
      valueQuantity: next.valueQuantity,
      ...(next.interpretation ? { interpretation: next.interpretation } : {}),
      note: bmiNoteFor(weightKg, heightCm, heightWhen, messages, locale),
      status: 'amended',
    },
    done: messages.bmiUpdated(nowText),
  };
}

/**
 * The BMIs computed from a body weight or height (their `derivedFromIds`) after that reading was
 * amended or withdrawn in `VitalEditForm`: never changed silently, each is offered ("Update BMI"
 * with the recomputed value, flag and note, status `amended`; "Withdraw BMI too" as
 * `entered-in-error`) and written with If-Match on the BMI's own version (`useGuardedUpdate`). A
 * BMI changed by someone else meanwhile is not written (412): that is said instead. The offers
 * belong to `recordKey` (the edited reading) and are dropped when it changes.
 */
export function useDerivedBmi(recordKey: string, context: Context) {
  const queryClient = useQueryClient();
  const common = useMessages();
  const update = useGuardedUpdate('observations');
  const regionId = useId();
  const [state, setState, isCurrent] = useRecordState(recordKey, initial);
  const { messages } = context;

  useEffect(() => {
    if (!state.focus) return;
    document.getElementById(regionId)?.focus();
    setState((s) => ({ ...s, focus: false }));
  }, [state.focus, regionId, setState]);

  const readById = (id: string) =>
    queryClient.fetchQuery({ ...observations.detail(id), staleTime: 0 });

  /** Looks for standing BMIs computed from `saved` (after its save) and offers what to do. */
  const review = async (saved: Observation) => {
    const key = recordKey;
    const vital = readingOf(saved)?.vital;
    if (vital !== 'bodyWeight' && vital !== 'bodyHeight') return;
    setState((s) => ({ ...s, offers: [], results: [], notice: undefined }));
    try {
      const all = await queryClient.fetchQuery({
        ...patientVitalsQuery(saved.patientId),
        staleTime: 0,
      });
      const offers: DerivedBmiOffer[] = [];
      for (const found of bmisDerivedFrom(all.data, saved.id, saved.patientId)) {
        // By id: the latest version, whose ETag the write is conditional on.
        const bmi = await readById(found.id);
        const offer = await offerFor(
          bmi,
          saved,
          (id) => readById(id).catch(() => undefined),
          context,
        );
        if (offer) offers.push(offer);
      }
      if (!isCurrent(key)) return;
      setState((s) => ({
        ...s,
        offers,
        notice: offers.length > 0 ? offers.map((o) => o.text).join(' ') : undefined,
      }));
    } catch {
      setState((s) => ({ ...s, notice: messages.bmiCheckFailed }));
    }
  };

  // A refusal is said by its own alert (CONTRIBUTING: refused actions are alerts), not the status.
  const settle = (offer: DerivedBmiOffer, said: string, refused = false) =>
    setState((s) => ({
      ...s,
      busy: undefined,
      offers: s.offers.filter((o) => o.bmi.id !== offer.bmi.id),
      results: [...s.results, { text: said, refused }],
      notice: refused ? undefined : said,
      focus: true,
    }));

  /** Takes an offer: PATCHes the BMI with If-Match on the version the offer was computed from. */
  const apply = async (offer: DerivedBmiOffer) => {
    if (!offer.patch || state.busy) return;
    setState((s) => ({ ...s, busy: offer.bmi.id, notice: undefined }));
    try {
      await update.mutateAsync({ id: offer.bmi.id, base: offer.bmi, patch: offer.patch });
      settle(offer, offer.done ?? '');
    } catch (error) {
      if (error instanceof RecordChangedError) {
        return settle(offer, messages.bmiChangedMeanwhile, true);
      }
      // The offer stays, to try again.
      setState((s) => ({
        ...s,
        busy: undefined,
        results: [
          ...s.results,
          { text: messages.bmiUpdateFailed(errorText(error, common)), refused: true },
        ],
        notice: undefined,
        focus: true,
      }));
    }
  };

  return {
    /** The BMIs computed from the saved reading that are offered a change (or only named). */
    offers: state.offers,
    /** What the offers taken did ("BMI updated to 23.5 kg/m²."). */
    results: state.results,
    /** Id of the BMI whose change is in flight. */
    busy: state.busy,
    /** The latest offer or outcome, for the form's status region. */
    notice: state.notice,
    /** Id of the offers' region (focused after an offer is taken). */
    regionId,
    review,
    apply,
  };
}

export type DerivedBmiState = ReturnType<typeof useDerivedBmi>;
