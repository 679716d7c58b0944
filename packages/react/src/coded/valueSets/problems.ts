import { CODE_SYSTEMS } from '../systems.js';
import type { ValueSetEntry } from '../types.js';

const sct = (code: string, display: string, synonyms?: string[]): ValueSetEntry => ({
  system: CODE_SYSTEMS.snomed,
  code,
  display,
  ...(synonyms ? { synonyms } : {}),
});
const icd = (code: string, display: string, synonyms?: string[]): ValueSetEntry => ({
  system: CODE_SYSTEMS.icd10cm,
  code,
  display,
  ...(synonyms ? { synonyms } : {}),
});

/**
 * Common problem-list conditions (`Condition.code`), each as a SNOMED CT clinical finding /
 * disorder and, next to it, the ICD-10-CM code it is billed under where that code names the same
 * condition without further detail (FY2025 ICD-10-CM tabular list; e.g. M54.50 since FY2022).
 * Pick either system: the form stores the one chosen. A curated starting set, not a terminology:
 * pass `searchCodes` to search a full one.
 */
const problems: readonly ValueSetEntry[] = [
  sct('59621000', 'Essential hypertension', ['high blood pressure', 'htn']),
  icd('I10', 'Essential (primary) hypertension', ['high blood pressure', 'htn']),
  sct('44054006', 'Diabetes mellitus type 2', ['t2dm', 'type 2 diabetes']),
  icd('E11.9', 'Type 2 diabetes mellitus without complications', ['t2dm']),
  sct('55822004', 'Hyperlipidemia', ['high cholesterol']),
  icd('E78.5', 'Hyperlipidemia, unspecified', ['high cholesterol']),
  sct('195967001', 'Asthma'),
  icd('J45.909', 'Unspecified asthma, uncomplicated'),
  sct('13645005', 'Chronic obstructive lung disease', ['copd']),
  icd('J44.9', 'Chronic obstructive pulmonary disease, unspecified', ['copd']),
  sct('40930008', 'Hypothyroidism'),
  icd('E03.9', 'Hypothyroidism, unspecified'),
  sct('235595009', 'Gastroesophageal reflux disease', ['gerd', 'reflux']),
  icd('K21.9', 'Gastro-esophageal reflux disease without esophagitis', ['gerd', 'reflux']),
  sct('21897009', 'Generalized anxiety disorder', ['gad']),
  icd('F41.1', 'Generalized anxiety disorder', ['gad']),
  sct('49436004', 'Atrial fibrillation', ['afib']),
  icd('I48.91', 'Unspecified atrial fibrillation', ['afib']),
  sct('84114007', 'Heart failure', ['chf']),
  icd('I50.9', 'Heart failure, unspecified', ['chf']),
  sct('53741008', 'Coronary arteriosclerosis', ['coronary artery disease', 'cad']),
  icd('I25.10', 'Atherosclerotic heart disease of native coronary artery without angina pectoris', [
    'coronary artery disease',
    'cad',
  ]),
  sct('414916001', 'Obesity'),
  icd('E66.9', 'Obesity, unspecified'),
  sct('61582004', 'Allergic rhinitis', ['hay fever']),
  icd('J30.9', 'Allergic rhinitis, unspecified', ['hay fever']),
  sct('271737000', 'Anemia', ['anaemia']),
  icd('D64.9', 'Anemia, unspecified', ['anaemia']),
  sct('37796009', 'Migraine'),
  sct('279039007', 'Low back pain'),
  icd('M54.50', 'Low back pain, unspecified'),
  sct('709044004', 'Chronic kidney disease', ['ckd']),
  icd('N18.9', 'Chronic kidney disease, unspecified', ['ckd']),
];

export default problems;
