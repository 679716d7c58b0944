/**
 * The resource registry: every REST path the API serves, its FHIR type, webhook event name and
 * search parameters. The sandbox, the proxy and the React hooks are all driven from this table.
 */

/** Who a stored record belongs to, for patient-scoped authorization. */
export type Ownership =
  /** the record is a patient: its own id is the patient id */
  | 'self'
  /** the record names its patient in `patientId` */
  | 'patient'
  /** not tied to one patient (practitioners, schedules, slots, medications) */
  | 'none';

export interface ResourceDefinition {
  /** REST path under `/v1/`, e.g. `care-plans`. */
  readonly path: string;
  /** FHIR R4 resource type stored underneath, e.g. `CarePlan`. */
  readonly fhirType: string;
  /** Singular kebab-case name used in webhook events, e.g. `care-plan` (`care-plan.created`). */
  readonly event: string;
  /** Query parameters its search accepts besides `count` and `cursor`. */
  readonly searchParams: readonly string[];
  readonly ownership: Ownership;
}

/** Search parameters shared by every clinical and scheduling resource. */
export const CLINICAL_SEARCH_PARAMS = [
  'patientId',
  'status',
  'dateFrom',
  'dateTo',
  'sort',
] as const;
/** Paging parameters accepted by every search. */
export const PAGING_PARAMS = ['count', 'cursor'] as const;

const clinical = <P extends string>(
  path: P,
  fhirType: string,
  event: string,
  ownership: Ownership = 'patient',
  extra: readonly string[] = [],
): ResourceDefinition & { readonly path: P } => ({
  path,
  fhirType,
  event,
  ownership,
  searchParams: [...CLINICAL_SEARCH_PARAMS, ...extra],
});

export const RESOURCES = [
  {
    path: 'patients',
    fhirType: 'Patient',
    event: 'patient',
    ownership: 'self',
    searchParams: ['name', 'email', 'phone', 'gender', 'birthDate', 'active'],
  },
  {
    path: 'practitioners',
    fhirType: 'Practitioner',
    event: 'practitioner',
    ownership: 'none',
    searchParams: ['name', 'specialty', 'npi', 'active'],
  },
  clinical('practitioner-roles', 'PractitionerRole', 'practitioner-role', 'none', [
    'practitionerId',
  ]),
  clinical('encounters', 'Encounter', 'encounter'),
  clinical('observations', 'Observation', 'observation'),
  clinical('medications', 'Medication', 'medication', 'none'),
  clinical('prescriptions', 'MedicationRequest', 'prescription'),
  clinical('appointments', 'Appointment', 'appointment', 'patient', ['practitionerId', 'slotId']),
  clinical('intakes', 'QuestionnaireResponse', 'intake'),
  clinical('consents', 'Consent', 'consent'),
  clinical('labs', 'DiagnosticReport', 'lab'),
  clinical('notes', 'DocumentReference', 'note'),
  clinical('assessments', 'ClinicalImpression', 'assessment'),
  clinical('documents', 'Composition', 'document'),
  clinical('slots', 'Slot', 'slot', 'none', ['scheduleId', 'practitionerId']),
  clinical('schedules', 'Schedule', 'schedule', 'none', ['practitionerId', 'active']),
  clinical('conditions', 'Condition', 'condition'),
  clinical('allergies', 'AllergyIntolerance', 'allergy'),
  clinical('immunizations', 'Immunization', 'immunization'),
  clinical('care-plans', 'CarePlan', 'care-plan'),
  clinical('goals', 'Goal', 'goal'),
] as const satisfies readonly ResourceDefinition[];

/** A registered REST path, e.g. `'patients'` or `'care-plans'`. */
export type ResourcePath = (typeof RESOURCES)[number]['path'];

/** The 14 paths of the original API (the rest came with scheduling and clinical widgets). */
export const ORIGINAL_RESOURCE_PATHS = [
  'patients',
  'practitioners',
  'practitioner-roles',
  'encounters',
  'observations',
  'medications',
  'prescriptions',
  'appointments',
  'intakes',
  'consents',
  'labs',
  'notes',
  'assessments',
  'documents',
] as const satisfies readonly ResourcePath[];

const byPath = new Map<string, ResourceDefinition>(RESOURCES.map((r) => [r.path, r]));
const byFhirType = new Map<string, ResourceDefinition>(RESOURCES.map((r) => [r.fhirType, r]));
const byEvent = new Map<string, ResourceDefinition>(RESOURCES.map((r) => [r.event, r]));

/** The definition of a REST path, or `undefined` when the path is not registered. */
export function getResource(path: string): ResourceDefinition | undefined {
  return byPath.get(path);
}

/** True when `path` is a registered REST path. */
export function isResourcePath(path: string): path is ResourcePath {
  return byPath.has(path);
}

/** The definition for a FHIR type, e.g. `MedicationRequest` -> `prescriptions`. */
export function getResourceByFhirType(fhirType: string): ResourceDefinition | undefined {
  return byFhirType.get(fhirType);
}

/** The definition for a webhook resource name, e.g. `care-plan` -> `care-plans`. */
export function getResourceByEvent(event: string): ResourceDefinition | undefined {
  return byEvent.get(event);
}

/** `care-plans` -> `carePlans`: the property name of a resource on the typed client. */
export function camelCasePath<P extends string>(path: P): CamelCase<P> {
  return path.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as CamelCase<P>;
}

export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
