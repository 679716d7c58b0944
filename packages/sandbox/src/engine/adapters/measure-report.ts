import { field, firstDate, patient, reference, same, shapes, text } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `measure-reports` <-> FHIR R4 MeasureReport (`measureId` is the `measure` canonical as given). */
export const measureReportAdapter = documentedAdapter('measure-reports', {
  fields: [
    same('status'),
    same('type'),
    same('measureId', 'measure'),
    patient(),
    same('date'),
    reference('reporterId', 'reporter', 'Organization'),
    same('period'),
    field(
      'group',
      'group',
      shapes([
        text('code'),
        field('population', 'population', shapes([text('code'), same('count')])),
        same('measureScore'),
      ]),
    ),
  ],
  mainDate: firstDate('date', 'period.start'),
});
