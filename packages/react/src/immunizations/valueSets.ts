// Curated value sets of the immunization form, loaded with it on first use
// (`import('./valueSets.js')`), never with a page that only lists immunizations.

/** A code the form offers: its system, code and display (the coding it stores). */
export interface ValueSetEntry {
  system: string;
  code: string;
  display: string;
}

const ACT_SITE = 'http://terminology.hl7.org/CodeSystem/v3-ActSite';
const SNOMED_CT = 'http://snomed.info/sct';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';

/**
 * Injection sites: HL7 v3 ActSite codes, as FHIR R4's `immunization-site` example value set uses
 * them (arm, deltoid, thigh, vastus lateralis on each side).
 */
export const SITES: readonly ValueSetEntry[] = [
  { system: ACT_SITE, code: 'LA', display: 'left arm' },
  { system: ACT_SITE, code: 'RA', display: 'right arm' },
  { system: ACT_SITE, code: 'LD', display: 'left deltoid' },
  { system: ACT_SITE, code: 'RD', display: 'right deltoid' },
  { system: ACT_SITE, code: 'LT', display: 'left thigh' },
  { system: ACT_SITE, code: 'RT', display: 'right thigh' },
  { system: ACT_SITE, code: 'LVL', display: 'left vastus lateralis' },
  { system: ACT_SITE, code: 'RVL', display: 'right vastus lateralis' },
];

/**
 * Routes of vaccine administration: SNOMED CT concepts below 284009009 "Route of administration
 * value" (as in FHIR R4's `route-codes` value set).
 */
export const ROUTES: readonly ValueSetEntry[] = [
  { system: SNOMED_CT, code: '78421000', display: 'Intramuscular route' },
  { system: SNOMED_CT, code: '34206005', display: 'Subcutaneous route' },
  { system: SNOMED_CT, code: '372464004', display: 'Intradermal route' },
  { system: SNOMED_CT, code: '26643006', display: 'Oral route' },
  { system: SNOMED_CT, code: '46713006', display: 'Nasal route' },
];

/**
 * Why a vaccine was not given: FHIR R4's `immunization-status-reason` value set (HL7 v3
 * ActReason codes).
 */
export const NOT_DONE_REASONS: readonly ValueSetEntry[] = [
  { system: ACT_REASON, code: 'IMMUNE', display: 'immunity' },
  { system: ACT_REASON, code: 'MEDPREC', display: 'medical precaution' },
  { system: ACT_REASON, code: 'OSTOCK', display: 'product out of stock' },
  { system: ACT_REASON, code: 'PATOBJ', display: 'patient objection' },
];
