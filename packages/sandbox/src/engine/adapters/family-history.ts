import {
  ANNOTATION,
  field,
  firstDate,
  note,
  patient,
  same,
  shapes,
  text,
  texts,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `family-history` <-> FHIR R4 FamilyMemberHistory. */
export const familyHistoryAdapter = documentedAdapter('family-history', {
  fields: [
    same('status'),
    patient('patient'),
    same('date'),
    same('name'),
    text('relationship'),
    text('sex'),
    same('bornDate'),
    same('ageString'),
    same('estimatedAge'),
    same('deceasedBoolean'),
    same('deceasedDate'),
    texts('reasonCode'),
    note(),
    field(
      'condition',
      'condition',
      shapes([
        text('code'),
        text('outcome'),
        same('contributedToDeath'),
        same('onsetString'),
        field('note', 'note', ANNOTATION),
      ]),
    ),
  ],
  mainDate: firstDate('date'),
});
