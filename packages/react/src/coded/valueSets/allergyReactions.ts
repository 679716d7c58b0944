import { CODE_SYSTEMS } from '../systems.js';
import type { ValueSetEntry } from '../types.js';

const sct = (code: string, display: string, synonyms?: string[]): ValueSetEntry => ({
  system: CODE_SYSTEMS.snomed,
  code,
  display,
  ...(synonyms ? { synonyms } : {}),
});

/**
 * Common allergic reaction manifestations (`AllergyIntolerance.reaction.manifestation`, bound in
 * FHIR R4 to SNOMED CT clinical findings). Codes as used in FHIR and national IG allergy
 * examples (39579001 Anaphylaxis is the FHIR R4 example's; 126485001 Urticaria the AU and US IG
 * examples'), display names SNOMED CT's preferred terms.
 */
const allergyReactions: readonly ValueSetEntry[] = [
  sct('39579001', 'Anaphylaxis', ['anaphylactic reaction']),
  sct('126485001', 'Urticaria', ['hives']),
  sct('271807003', 'Eruption of skin', ['rash']),
  sct('418290006', 'Itching', ['pruritus']),
  sct('41291007', 'Angioedema', ['swelling']),
  sct('267036007', 'Dyspnea', ['shortness of breath', 'breathlessness']),
  sct('56018004', 'Wheezing'),
  sct('49727002', 'Cough'),
  sct('422587007', 'Nausea'),
  sct('422400008', 'Vomiting'),
  sct('62315008', 'Diarrhea', ['diarrhoea']),
  sct('21522001', 'Abdominal pain'),
  sct('45007003', 'Low blood pressure', ['hypotension']),
  sct('404640003', 'Dizziness'),
  sct('25064002', 'Headache'),
  sct('70076002', 'Rhinitis', ['runny nose']),
  sct('9826008', 'Conjunctivitis', ['red eyes']),
];

export default allergyReactions;
