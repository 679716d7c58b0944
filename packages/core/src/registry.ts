/**
 * The resource registry: every REST path the API serves, its FHIR type, webhook event name and
 * search parameters. The sandbox, the proxy and the React hooks are all driven from this table.
 */

/**
 * Who may see a stored record, for patient-scoped authorization (the proxy's narrowing). A user
 * narrowed to one patient (a patient portal) sees `self` and `patient` records of that patient
 * only, reads `shared` data, and is refused `internal` data.
 */
export type Ownership =
  /** the record is a patient: its own id is the patient id */
  | 'self'
  /** the record names its patient in `ownerField` (usually `patientId`) */
  | 'patient'
  /** reference data not tied to one patient (directories, catalogs, definitions): readable, never written, by a narrowed user */
  | 'shared'
  /** not tied to one patient and not for patients (audit trail, payments, person index) */
  | 'internal';

/** Methods of `/v1/{path}/{id}`; the collection always takes GET (search) and POST (create). */
export type ItemMethod = 'GET' | 'PATCH' | 'DELETE';

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
  /**
   * For `ownership: 'patient'`: the record field naming the patient, also a search parameter,
   * e.g. `patientId`, or `candidateId` on enrollment requests.
   */
  readonly ownerField?: string;
  /** What `/v1/{path}/{id}` accepts (the document has no PATCH for some resources). */
  readonly itemMethods: readonly ItemMethod[];
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

const READ_UPDATE_DELETE = ['GET', 'PATCH', 'DELETE'] as const;
/** Resources the document gives no PATCH (audit events are immutable). */
const READ_DELETE = ['GET', 'DELETE'] as const;

type Owner =
  | { readonly ownership: 'patient'; readonly ownerField: string }
  | { readonly ownership: 'self' | 'shared' | 'internal' };

/** Owned by the patient named in `field`. */
const ownedBy = (field = 'patientId'): Owner => ({ ownership: 'patient', ownerField: field });
const SHARED: Owner = { ownership: 'shared' };
const INTERNAL: Owner = { ownership: 'internal' };

/** One registry row: path, FHIR type, webhook name, owner, search parameters (as the API lists them). */
const resource = <P extends string, const S extends readonly string[]>(
  path: P,
  fhirType: string,
  event: string,
  owner: Owner,
  searchParams: S,
  itemMethods: readonly ItemMethod[] = READ_UPDATE_DELETE,
): ResourceDefinition & { readonly path: P; readonly searchParams: S } => ({
  path,
  fhirType,
  event,
  searchParams,
  itemMethods,
  ...owner,
});

/** A clinical or scheduling row of the contract: the shared search parameters plus `extra`. */
const clinical = <P extends string, const E extends readonly string[] = []>(
  path: P,
  fhirType: string,
  event: string,
  owner: Owner = ownedBy(),
  extra: E = [] as unknown as E,
) => resource(path, fhirType, event, owner, [...CLINICAL_SEARCH_PARAMS, ...extra] as const);

const [PATIENT, STATUS, FROM, TO, SORT] = CLINICAL_SEARCH_PARAMS;
const DATES = [FROM, TO] as const;

/**
 * Every resource path of the API. The first 21 rows follow the contract
 * (`docs/contract.md`); the other 41 follow ClinikAPI's OpenAPI document
 * (`clinikapi/docs`, `api-reference/openapi.yaml`): its FHIR type (the guides' "FHIR `Type`"), its
 * webhook name (`guides/webhooks.mdx`, "Available Events"), its search parameters in the
 * document's order, and its item methods (no PATCH on `audit-events` and
 * `immunization-recommendations`). Ownership is this toolkit's reading of each resource.
 */
export const RESOURCES = [
  resource('patients', 'Patient', 'patient', { ownership: 'self' }, [
    'name',
    'email',
    'phone',
    'gender',
    'birthDate',
    'active',
  ]),
  resource('practitioners', 'Practitioner', 'practitioner', SHARED, [
    'name',
    'specialty',
    'npi',
    'active',
  ]),
  clinical('practitioner-roles', 'PractitionerRole', 'practitioner-role', SHARED, [
    'practitionerId',
  ]),
  clinical('encounters', 'Encounter', 'encounter'),
  clinical('observations', 'Observation', 'observation'),
  clinical('medications', 'Medication', 'medication', SHARED),
  clinical('prescriptions', 'MedicationRequest', 'prescription'),
  clinical('appointments', 'Appointment', 'appointment', ownedBy(), ['practitionerId', 'slotId']),
  clinical('intakes', 'QuestionnaireResponse', 'intake'),
  clinical('consents', 'Consent', 'consent'),
  clinical('labs', 'DiagnosticReport', 'lab'),
  clinical('notes', 'DocumentReference', 'note'),
  clinical('assessments', 'ClinicalImpression', 'assessment'),
  clinical('documents', 'Composition', 'document'),
  clinical('slots', 'Slot', 'slot', SHARED, ['scheduleId', 'practitionerId']),
  clinical('schedules', 'Schedule', 'schedule', SHARED, ['practitionerId', 'active']),
  clinical('conditions', 'Condition', 'condition'),
  clinical('allergies', 'AllergyIntolerance', 'allergy'),
  clinical('immunizations', 'Immunization', 'immunization'),
  clinical('care-plans', 'CarePlan', 'care-plan'),
  clinical('goals', 'Goal', 'goal'),
  // From the OpenAPI document, in its order.
  resource(
    'appointment-responses',
    'AppointmentResponse',
    'appointment-response',
    ownedBy('actorId'),
    ['appointmentId', 'actorId', 'participantStatus'],
  ),
  resource('tasks', 'Task', 'task', ownedBy(), [
    PATIENT,
    STATUS,
    'ownerId',
    'requesterId',
    'priority',
    'code',
    ...DATES,
    SORT,
  ]),
  resource('organizations', 'Organization', 'organization', SHARED, ['name', 'type', 'active']),
  resource('accounts', 'Account', 'account', ownedBy(), [PATIENT, STATUS, 'type', 'ownerId']),
  resource('healthcare-services', 'HealthcareService', 'healthcare-service', SHARED, [
    'name',
    'type',
    'specialty',
    'active',
  ]),
  resource('service-requests', 'ServiceRequest', 'service-request', ownedBy(), [
    PATIENT,
    STATUS,
    'priority',
    'category',
    'requesterId',
    'performerId',
    'code',
    ...DATES,
    SORT,
  ]),
  resource('locations', 'Location', 'location', SHARED, ['name', STATUS, 'type', 'address', SORT]),
  resource('persons', 'Person', 'person', INTERNAL, ['name', 'email', 'phone', 'active', SORT]),
  resource('family-history', 'FamilyMemberHistory', 'family-member-history', ownedBy(), [
    PATIENT,
    STATUS,
    'relationship',
    ...DATES,
    SORT,
  ]),
  resource('claims', 'Claim', 'claim', ownedBy(), [PATIENT, STATUS, 'use', 'providerId', ...DATES]),
  resource('claim-responses', 'ClaimResponse', 'claim-response', ownedBy(), [
    PATIENT,
    STATUS,
    'use',
    'outcome',
    'requestId',
  ]),
  resource('care-teams', 'CareTeam', 'care-team', ownedBy(), [PATIENT, STATUS, 'category']),
  resource('charge-items', 'ChargeItem', 'charge-item', ownedBy(), [
    PATIENT,
    STATUS,
    'code',
    ...DATES,
  ]),
  resource('coverages', 'Coverage', 'coverage', ownedBy(), [PATIENT, STATUS, 'type', 'payorId']),
  resource('eligibility-requests', 'CoverageEligibilityRequest', 'eligibility-request', ownedBy(), [
    PATIENT,
    STATUS,
    ...DATES,
  ]),
  resource(
    'eligibility-responses',
    'CoverageEligibilityResponse',
    'eligibility-response',
    ownedBy(),
    [PATIENT, STATUS, 'outcome', 'requestId'],
  ),
  resource('eobs', 'ExplanationOfBenefit', 'explanation-of-benefit', ownedBy(), [
    PATIENT,
    STATUS,
    'use',
    'outcome',
    'claimId',
  ]),
  resource('devices', 'Device', 'device', ownedBy(), [
    PATIENT,
    STATUS,
    'type',
    'manufacturer',
    'modelNumber',
  ]),
  resource('device-requests', 'DeviceRequest', 'device-request', ownedBy(), [
    PATIENT,
    STATUS,
    'intent',
    'code',
  ]),
  resource('device-use-statements', 'DeviceUseStatement', 'device-use-statement', ownedBy(), [
    PATIENT,
    STATUS,
    'deviceId',
  ]),
  resource('invoices', 'Invoice', 'invoice', ownedBy(), [PATIENT, STATUS, 'issuerId', ...DATES]),
  resource('medication-dispenses', 'MedicationDispense', 'medication-dispense', ownedBy(), [
    PATIENT,
    STATUS,
    'medication',
  ]),
  resource('medication-knowledge', 'MedicationKnowledge', 'medication-knowledge', SHARED, [
    'code',
    STATUS,
    'doseForm',
    'manufacturer',
  ]),
  resource('medication-statements', 'MedicationStatement', 'medication-statement', ownedBy(), [
    PATIENT,
    STATUS,
    'medication',
    'category',
  ]),
  resource('payment-notices', 'PaymentNotice', 'payment-notice', INTERNAL, [
    STATUS,
    ...DATES,
    'providerId',
  ]),
  resource('payment-reconciliations', 'PaymentReconciliation', 'payment-reconciliation', INTERNAL, [
    STATUS,
    ...DATES,
    'outcome',
  ]),
  resource('specimens', 'Specimen', 'specimen', ownedBy(), [PATIENT, STATUS, 'type', ...DATES]),
  resource('imaging-studies', 'ImagingStudy', 'imaging-study', ownedBy(), [
    PATIENT,
    STATUS,
    'modality',
    ...DATES,
  ]),
  resource(
    'enrollment-requests',
    'EnrollmentRequest',
    'enrollment-request',
    ownedBy('candidateId'),
    ['candidateId', STATUS, 'insurerId'],
  ),
  resource('enrollment-responses', 'EnrollmentResponse', 'enrollment-response', INTERNAL, [
    STATUS,
    'outcome',
  ]),
  resource(
    'immunization-evaluations',
    'ImmunizationEvaluation',
    'immunization-evaluation',
    ownedBy(),
    [PATIENT, STATUS, 'immunizationEventId', 'targetDisease'],
  ),
  resource('media', 'Media', 'media', ownedBy(), [PATIENT, STATUS, 'type', 'modality', ...DATES]),
  resource('activity-definitions', 'ActivityDefinition', 'activity-definition', SHARED, [
    STATUS,
    'name',
    'title',
    'kind',
    'code',
  ]),
  resource('nutrition-orders', 'NutritionOrder', 'nutrition-order', ownedBy(), [
    PATIENT,
    STATUS,
    ...DATES,
  ]),
  resource('plan-definitions', 'PlanDefinition', 'plan-definition', SHARED, [
    STATUS,
    'name',
    'title',
    'type',
  ]),
  resource('vision-prescriptions', 'VisionPrescription', 'vision-prescription', ownedBy(), [
    PATIENT,
    STATUS,
    'prescriberId',
    ...DATES,
  ]),
  resource('risk-assessments', 'RiskAssessment', 'risk-assessment', ownedBy(), [
    PATIENT,
    STATUS,
    'method',
    'conditionId',
  ]),
  resource(
    'audit-events',
    'AuditEvent',
    'audit-event',
    INTERNAL,
    ['action', 'outcome', 'agent', ...DATES],
    READ_DELETE,
  ),
  resource('measures', 'Measure', 'measure', SHARED, [STATUS, 'name', 'title', 'topic']),
  resource('measure-reports', 'MeasureReport', 'measure-report', ownedBy(), [
    PATIENT,
    STATUS,
    'measureId',
    ...DATES,
  ]),
  resource(
    'immunization-recommendations',
    'ImmunizationRecommendation',
    'immunization-recommendation',
    ownedBy(),
    [PATIENT, 'vaccineCode', 'targetDisease', ...DATES],
    READ_DELETE,
  ),
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

/**
 * The record field naming the patient a record belongs to: `id` for patients, the `ownerField` of
 * patient-owned resources, `undefined` for shared and internal ones.
 */
export function patientFieldOf(definition: ResourceDefinition): string | undefined {
  if (definition.ownership === 'self') return 'id';
  return definition.ownership === 'patient' ? (definition.ownerField ?? 'patientId') : undefined;
}

/** The definition of a REST path, or `undefined` when the path is not registered. */
export function getResource(path: string): ResourceDefinition | undefined {
  return byPath.get(path);
}

/** The definition for a FHIR type, e.g. `MedicationRequest` -> `prescriptions`. */
export function getResourceByFhirType(fhirType: string): ResourceDefinition | undefined {
  return byFhirType.get(fhirType);
}

/** The definition for a webhook resource name, e.g. `care-plan` -> `care-plans`. */
export function getResourceByEvent(event: string): ResourceDefinition | undefined {
  return byEvent.get(event);
}

export { type CamelCase, camelCasePath, isResourcePath } from './paths.js';
