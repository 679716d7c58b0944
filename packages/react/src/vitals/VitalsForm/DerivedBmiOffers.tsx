'use client';
import { useId } from 'react';
import type { VitalsMessages } from '../vitalsMessages.js';
import type { DerivedBmiState } from './useDerivedBmi.js';

/**
 * The BMIs computed from the reading just saved, each with its offer ("Update BMI", "Withdraw BMI
 * too") and what the offers taken did. Nothing is shown when no BMI stands on the reading.
 * Announcements go through the form's status region; this region takes focus after an offer is
 * taken (its button is gone).
 */
export function DerivedBmiOffers({
  derived,
  messages,
}: {
  derived: DerivedBmiState;
  messages: VitalsMessages;
}) {
  const titleId = useId();
  if (derived.offers.length === 0 && derived.results.length === 0) return null;
  return (
    <section
      id={derived.regionId}
      className="ck-vitals-form__derived"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <p id={titleId} className="ck-label">
        {messages.derivedBmiTitle}
      </p>
      {derived.offers.map((offer) => {
        const textId = `${titleId}-${offer.bmi.id}`;
        const busy = derived.busy === offer.bmi.id;
        return (
          <div key={offer.bmi.id} className="ck-vitals-form__offer" data-kind={offer.kind}>
            <p id={textId}>{offer.text}</p>
            {offer.patch ? (
              <button
                type="button"
                className={offer.kind === 'withdraw' ? 'ck-button ck-button--danger' : 'ck-button'}
                aria-describedby={textId}
                aria-disabled={derived.busy ? true : undefined}
                onClick={() => void derived.apply(offer)}
              >
                {busy
                  ? messages.savingVitals
                  : offer.kind === 'withdraw'
                    ? messages.withdrawBmiToo
                    : messages.updateBmi}
              </button>
            ) : null}
          </div>
        );
      })}
      {derived.results.map((result, index) => (
        // Outcomes only grow (a new save starts over): the index is stable.
        // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
        <p key={index} role={result.refused ? 'alert' : undefined}>
          {result.text}
        </p>
      ))}
    </section>
  );
}
