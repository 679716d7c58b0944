import { flagLabel, formatMeasure, formatRange } from '../format.js';
import { flagOf } from '../observations.js';
import type { ValueRange, VitalMeasure } from '../vitalSigns.js';
import type { VitalsMessages } from '../vitalsMessages.js';

/**
 * What a typed value will be stored as: the canonical value (when typed in another unit), the
 * flag it gets and the reference range that decides it. Read with the input (`aria-describedby`).
 */
export function MeasureHint({
  id,
  measure,
  value,
  converted,
  range,
  messages,
  locale,
}: {
  id: string;
  measure: VitalMeasure;
  /** The canonical value, when the input holds a valid one. */
  value: number | undefined;
  /** Typed in a non-canonical unit: say what is stored. */
  converted: boolean;
  range: ValueRange | undefined;
  messages: VitalsMessages;
  locale: string;
}) {
  const parts: string[] = [];
  if (value !== undefined && converted) {
    parts.push(messages.storedAs(formatMeasure(measure, value, messages, locale)));
  }
  const flag = value !== undefined ? flagOf(value, range) : undefined;
  if (flag && flag !== 'N') parts.push(flagLabel(flag, messages));
  if (range) parts.push(messages.referenceRange(formatRange(measure, range, messages, locale)));
  if (parts.length === 0) return null;
  return (
    <p id={id} className="ck-vitals__hint" data-flag={flag}>
      {parts.join(' · ')}
    </p>
  );
}
