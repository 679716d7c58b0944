// Curated value sets of the prescription form and status panel, loaded with them on first use
// (`import('./valueSets.js')`), never with a page that only lists prescriptions.

/** A code the form offers: its system, code and display (the coding it stores). */
export interface ValueSetEntry {
  system: string;
  code: string;
  display: string;
}

export const SNOMED_CT = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
export const STATUS_REASON_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason';

/**
 * Routes of administration: SNOMED CT concepts below 284009009 "Route of administration value",
 * a subset of FHIR R4's `route-codes` example value set (the common outpatient routes).
 */
export const ROUTES: readonly ValueSetEntry[] = [
  { system: SNOMED_CT, code: '26643006', display: 'Oral route' },
  { system: SNOMED_CT, code: '37839007', display: 'Sublingual route' },
  { system: SNOMED_CT, code: '78421000', display: 'Intramuscular route' },
  { system: SNOMED_CT, code: '34206005', display: 'Subcutaneous route' },
  { system: SNOMED_CT, code: '47625008', display: 'Intravenous route' },
  { system: SNOMED_CT, code: '6064005', display: 'Topical route' },
  { system: SNOMED_CT, code: '45890007', display: 'Transdermal route' },
  { system: SNOMED_CT, code: '447694001', display: 'Respiratory tract route' },
  { system: SNOMED_CT, code: '46713006', display: 'Nasal route' },
  { system: SNOMED_CT, code: '54485002', display: 'Ophthalmic route' },
  { system: SNOMED_CT, code: '10547007', display: 'Otic route' },
  { system: SNOMED_CT, code: '37161004', display: 'Rectal route' },
  { system: SNOMED_CT, code: '16857009', display: 'Vaginal route' },
];

/**
 * Units of a dose or a dispensed amount, as UCUM codes (`http://unitsofmeasure.org`): units of
 * mass and volume, the international unit, the drop, and UCUM annotations (`{tablet}`, equal
 * to 1) for countable forms. `unit` is what the form shows and stores as the human-readable unit.
 */
export const DOSE_UNITS: readonly { code: string; unit: string }[] = [
  { code: 'mg', unit: 'mg' },
  { code: 'g', unit: 'g' },
  { code: 'ug', unit: 'mcg' },
  { code: 'mL', unit: 'mL' },
  { code: '[iU]', unit: 'IU' },
  { code: '[drp]', unit: 'drop' },
  { code: '{tablet}', unit: 'tablet' },
  { code: '{capsule}', unit: 'capsule' },
  { code: '{puff}', unit: 'puff' },
  { code: '{patch}', unit: 'patch' },
  { code: '{application}', unit: 'application' },
];

/**
 * Why a prescription was stopped or put on hold: FHIR R4's `medicationrequest-status-reason`
 * code system (example binding of `MedicationRequest.statusReason`), the commonest codes.
 */
export const STATUS_REASONS: readonly ValueSetEntry[] = [
  { system: STATUS_REASON_SYSTEM, code: 'salg', display: 'Allergy' },
  { system: STATUS_REASON_SYSTEM, code: 'sintol', display: 'Suspected intolerance' },
  { system: STATUS_REASON_SYSTEM, code: 'sddi', display: 'Drug interacts with another drug' },
  { system: STATUS_REASON_SYSTEM, code: 'sdupther', display: 'Duplicate therapy' },
  { system: STATUS_REASON_SYSTEM, code: 'drughigh', display: 'Drug level too high' },
  { system: STATUS_REASON_SYSTEM, code: 'surg', display: 'Patient scheduled for surgery' },
  { system: STATUS_REASON_SYSTEM, code: 'hospadm', display: 'Admission to hospital' },
  { system: STATUS_REASON_SYSTEM, code: 'preg', display: 'Parent is pregnant/breast feeding' },
  { system: STATUS_REASON_SYSTEM, code: 'altchoice', display: 'Try another treatment first' },
  { system: STATUS_REASON_SYSTEM, code: 'clarif', display: 'Prescription requires clarification' },
];
