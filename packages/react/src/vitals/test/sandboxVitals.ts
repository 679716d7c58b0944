import type { Observation } from '@clinikapi/core';
import { colleague } from '../../test/sandboxChart.js';
import { type VitalBodyInput, vitalBody } from '../observations.js';

export {
  baseUrl,
  CHART_NOW,
  chartSettings,
  colleague,
  failingFetch,
  newPatient,
} from '../../test/sandboxChart.js';

/** Records one vital as a colleague would (through the same body builder as the form). */
export async function recordVital(
  input: Omit<VitalBodyInput, 'ranges'> & { ranges?: VitalBodyInput['ranges'] },
): Promise<Observation> {
  return colleague().observations.create(vitalBody({ ranges: {}, ...input }));
}
