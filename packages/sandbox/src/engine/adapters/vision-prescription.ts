import {
  ANNOTATION,
  encounter,
  field,
  firstDate,
  patient,
  reference,
  same,
  shapes,
  text,
} from '../mapping.js';
import { documentedAdapter, now } from './documented.js';

/** `vision-prescriptions` <-> FHIR R4 VisionPrescription. */
export const visionPrescriptionAdapter = documentedAdapter('vision-prescriptions', {
  fields: [
    same('status'),
    same('created'),
    patient('patient'),
    encounter(),
    same('dateWritten'),
    reference('prescriberId', 'prescriber', 'Practitioner'),
    field(
      'lensSpecification',
      'lensSpecification',
      shapes([
        text('product'),
        same('eye'),
        same('sphere'),
        same('cylinder'),
        same('axis'),
        same('prism'),
        same('add'),
        same('power'),
        same('backCurve'),
        same('diameter'),
        same('color'),
        same('brand'),
        field('note', 'note', ANNOTATION),
      ]),
    ),
  ],
  defaults: { created: now },
  mainDate: firstDate('dateWritten'),
});
