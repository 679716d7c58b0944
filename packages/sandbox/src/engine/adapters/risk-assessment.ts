import {
  encounter,
  field,
  firstDate,
  note,
  patient,
  reference,
  same,
  shapes,
  text,
  texts,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `risk-assessments` <-> FHIR R4 RiskAssessment (`basedOnId`: an Observation). */
export const riskAssessmentAdapter = documentedAdapter('risk-assessments', {
  fields: [
    reference('basedOnId', 'basedOn', 'Observation'),
    same('status'),
    text('method'),
    text('code'),
    patient(),
    encounter(),
    same('occurrenceDateTime'),
    reference('conditionId', 'condition', 'Condition'),
    reference('performerId', 'performer', 'Practitioner'),
    texts('reasonCode'),
    field(
      'prediction',
      'prediction',
      shapes([
        text('outcome'),
        same('probabilityDecimal'),
        text('qualitativeRisk'),
        same('relativeRisk'),
        same('rationale'),
      ]),
    ),
    same('mitigation'),
    note(),
  ],
  mainDate: firstDate('occurrenceDateTime'),
});
