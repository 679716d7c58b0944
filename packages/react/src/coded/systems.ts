/**
 * Code system URIs, as FHIR R4 names them (terminology.hl7.org "External code systems").
 * Store these exact strings in `Coding.system`: other systems recognise a coding by them.
 */
export const CODE_SYSTEMS = {
  /** SNOMED CT (substances, findings, disorders, situations). */
  snomed: 'http://snomed.info/sct',
  /** ICD-10-CM, the US clinical modification of ICD-10 (diagnoses). */
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  /** RxNorm (US drug ingredients and products), from the National Library of Medicine. */
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  /** CVX, the CDC's vaccines administered codes. */
  cvx: 'http://hl7.org/fhir/sid/cvx',
  /** LOINC (observations, panels). */
  loinc: 'http://loinc.org',
  /** UCUM (units of measure). */
  ucum: 'http://unitsofmeasure.org',
} as const;

const SHORT_NAMES: Record<string, string> = {
  [CODE_SYSTEMS.snomed]: 'SNOMED CT',
  [CODE_SYSTEMS.icd10cm]: 'ICD-10-CM',
  [CODE_SYSTEMS.rxnorm]: 'RxNorm',
  [CODE_SYSTEMS.cvx]: 'CVX',
  [CODE_SYSTEMS.loinc]: 'LOINC',
  [CODE_SYSTEMS.ucum]: 'UCUM',
};

/** The short name users know a code system by ("SNOMED CT"), or the URI itself when unknown. */
export function codeSystemName(system: string | undefined): string {
  if (!system) return '';
  return SHORT_NAMES[system] ?? system;
}
