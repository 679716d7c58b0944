import type * as z from 'zod/mini';
import type { RESOURCES, ResourcePath } from '../registry.js';
import {
  type Account,
  type AccountCreate,
  accountCreateSchema,
  accountPatchSchema,
} from './account.js';
import {
  type ActivityDefinition,
  type ActivityDefinitionCreate,
  activityDefinitionCreateSchema,
  activityDefinitionPatchSchema,
} from './activity-definition.js';
import {
  type Allergy,
  type AllergyCreate,
  type AllergyPatch,
  allergyCreateSchema,
  allergyPatchSchema,
} from './allergy.js';
import {
  type Appointment,
  type AppointmentCreate,
  type AppointmentPatch,
  appointmentCreateSchema,
  appointmentPatchSchema,
} from './appointment.js';
import {
  type AppointmentResponse,
  type AppointmentResponseCreate,
  appointmentResponseCreateSchema,
  appointmentResponsePatchSchema,
} from './appointment-response.js';
import {
  type Assessment,
  type AssessmentCreate,
  type AssessmentPatch,
  assessmentCreateSchema,
  assessmentPatchSchema,
} from './assessment.js';
import {
  type AuditEvent,
  type AuditEventCreate,
  auditEventCreateSchema,
  auditEventPatchSchema,
} from './audit-event.js';
import {
  type CarePlan,
  type CarePlanCreate,
  type CarePlanPatch,
  carePlanCreateSchema,
  carePlanPatchSchema,
} from './care-plan.js';
import {
  type CareTeam,
  type CareTeamCreate,
  careTeamCreateSchema,
  careTeamPatchSchema,
} from './care-team.js';
import {
  type ChargeItem,
  type ChargeItemCreate,
  chargeItemCreateSchema,
  chargeItemPatchSchema,
} from './charge-item.js';
import { type Claim, type ClaimCreate, claimCreateSchema, claimPatchSchema } from './claim.js';
import {
  type ClaimResponse,
  type ClaimResponseCreate,
  claimResponseCreateSchema,
  claimResponsePatchSchema,
} from './claim-response.js';
import {
  type Condition,
  type ConditionCreate,
  type ConditionPatch,
  conditionCreateSchema,
  conditionPatchSchema,
} from './condition.js';
import {
  type Consent,
  type ConsentCreate,
  type ConsentPatch,
  consentCreateSchema,
  consentPatchSchema,
} from './consent.js';
import {
  type Coverage,
  type CoverageCreate,
  coverageCreateSchema,
  coveragePatchSchema,
} from './coverage.js';
import { type Device, type DeviceCreate, deviceCreateSchema, devicePatchSchema } from './device.js';
import {
  type DeviceRequest,
  type DeviceRequestCreate,
  deviceRequestCreateSchema,
  deviceRequestPatchSchema,
} from './device-request.js';
import {
  type DeviceUseStatement,
  type DeviceUseStatementCreate,
  deviceUseStatementCreateSchema,
  deviceUseStatementPatchSchema,
} from './device-use-statement.js';
import {
  type ClinicalDocument,
  type DocumentCreate,
  type DocumentPatch,
  documentCreateSchema,
  documentPatchSchema,
} from './document.js';
import {
  type EligibilityRequest,
  type EligibilityRequestCreate,
  eligibilityRequestCreateSchema,
  eligibilityRequestPatchSchema,
} from './eligibility-request.js';
import {
  type EligibilityResponse,
  type EligibilityResponseCreate,
  eligibilityResponseCreateSchema,
  eligibilityResponsePatchSchema,
} from './eligibility-response.js';
import {
  type Encounter,
  type EncounterCreate,
  type EncounterPatch,
  encounterCreateSchema,
  encounterPatchSchema,
} from './encounter.js';
import {
  type EnrollmentRequest,
  type EnrollmentRequestCreate,
  enrollmentRequestCreateSchema,
  enrollmentRequestPatchSchema,
} from './enrollment-request.js';
import {
  type EnrollmentResponse,
  type EnrollmentResponseCreate,
  enrollmentResponseCreateSchema,
  enrollmentResponsePatchSchema,
} from './enrollment-response.js';
import {
  type ExplanationOfBenefit,
  type ExplanationOfBenefitCreate,
  eobCreateSchema,
  eobPatchSchema,
} from './eob.js';
import {
  type FamilyMemberHistory,
  type FamilyMemberHistoryCreate,
  familyHistoryCreateSchema,
  familyHistoryPatchSchema,
} from './family-history.js';
import {
  type Goal,
  type GoalCreate,
  type GoalPatch,
  goalCreateSchema,
  goalPatchSchema,
} from './goal.js';
import {
  type HealthcareService,
  type HealthcareServiceCreate,
  healthcareServiceCreateSchema,
  healthcareServicePatchSchema,
} from './healthcare-service.js';
import {
  type ImagingStudy,
  type ImagingStudyCreate,
  imagingStudyCreateSchema,
  imagingStudyPatchSchema,
} from './imaging-study.js';
import {
  type Immunization,
  type ImmunizationCreate,
  type ImmunizationPatch,
  immunizationCreateSchema,
  immunizationPatchSchema,
} from './immunization.js';
import {
  type ImmunizationEvaluation,
  type ImmunizationEvaluationCreate,
  immunizationEvaluationCreateSchema,
  immunizationEvaluationPatchSchema,
} from './immunization-evaluation.js';
import {
  type ImmunizationRecommendation,
  type ImmunizationRecommendationCreate,
  immunizationRecommendationCreateSchema,
  immunizationRecommendationPatchSchema,
} from './immunization-recommendation.js';
import {
  type Intake,
  type IntakeCreate,
  type IntakePatch,
  intakeCreateSchema,
  intakePatchSchema,
} from './intake.js';
import {
  type Invoice,
  type InvoiceCreate,
  invoiceCreateSchema,
  invoicePatchSchema,
} from './invoice.js';
import { type Lab, type LabCreate, type LabPatch, labCreateSchema, labPatchSchema } from './lab.js';
import {
  type LocationCreate,
  type LocationRecord,
  locationCreateSchema,
  locationPatchSchema,
} from './location.js';
import {
  type Measure,
  type MeasureCreate,
  measureCreateSchema,
  measurePatchSchema,
} from './measure.js';
import {
  type MeasureReport,
  type MeasureReportCreate,
  measureReportCreateSchema,
  measureReportPatchSchema,
} from './measure-report.js';
import { type Media, type MediaCreate, mediaCreateSchema, mediaPatchSchema } from './media.js';
import {
  type Medication,
  type MedicationCreate,
  type MedicationPatch,
  medicationCreateSchema,
  medicationPatchSchema,
} from './medication.js';
import {
  type MedicationDispense,
  type MedicationDispenseCreate,
  medicationDispenseCreateSchema,
  medicationDispensePatchSchema,
} from './medication-dispense.js';
import {
  type MedicationKnowledge,
  type MedicationKnowledgeCreate,
  medicationKnowledgeCreateSchema,
  medicationKnowledgePatchSchema,
} from './medication-knowledge.js';
import {
  type MedicationStatement,
  type MedicationStatementCreate,
  medicationStatementCreateSchema,
  medicationStatementPatchSchema,
} from './medication-statement.js';
import {
  type Note,
  type NoteCreate,
  type NotePatch,
  noteCreateSchema,
  notePatchSchema,
} from './note.js';
import {
  type NutritionOrder,
  type NutritionOrderCreate,
  nutritionOrderCreateSchema,
  nutritionOrderPatchSchema,
} from './nutrition-order.js';
import {
  type Observation,
  type ObservationCreate,
  type ObservationPatch,
  observationCreateSchema,
  observationPatchSchema,
} from './observation.js';
import {
  type Organization,
  type OrganizationCreate,
  organizationCreateSchema,
  organizationPatchSchema,
} from './organization.js';
import {
  type Patient,
  type PatientCreate,
  type PatientPatch,
  type PatientSearchParams,
  patientCreateSchema,
  patientPatchSchema,
} from './patient.js';
import {
  type PaymentNotice,
  type PaymentNoticeCreate,
  paymentNoticeCreateSchema,
  paymentNoticePatchSchema,
} from './payment-notice.js';
import {
  type PaymentReconciliation,
  type PaymentReconciliationCreate,
  paymentReconciliationCreateSchema,
  paymentReconciliationPatchSchema,
} from './payment-reconciliation.js';
import { type Person, type PersonCreate, personCreateSchema, personPatchSchema } from './person.js';
import {
  type PlanDefinition,
  type PlanDefinitionCreate,
  planDefinitionCreateSchema,
  planDefinitionPatchSchema,
} from './plan-definition.js';
import {
  type Practitioner,
  type PractitionerCreate,
  type PractitionerPatch,
  type PractitionerSearchParams,
  practitionerCreateSchema,
  practitionerPatchSchema,
} from './practitioner.js';
import {
  type PractitionerRole,
  type PractitionerRoleCreate,
  type PractitionerRolePatch,
  practitionerRoleCreateSchema,
  practitionerRolePatchSchema,
} from './practitioner-role.js';
import {
  type Prescription,
  type PrescriptionCreate,
  type PrescriptionPatch,
  prescriptionCreateSchema,
  prescriptionPatchSchema,
} from './prescription.js';
import {
  type RiskAssessment,
  type RiskAssessmentCreate,
  riskAssessmentCreateSchema,
  riskAssessmentPatchSchema,
} from './risk-assessment.js';
import {
  type Schedule,
  type ScheduleCreate,
  type SchedulePatch,
  scheduleCreateSchema,
  schedulePatchSchema,
} from './schedule.js';
import {
  type ServiceRequest,
  type ServiceRequestCreate,
  serviceRequestCreateSchema,
  serviceRequestPatchSchema,
} from './service-request.js';
import {
  type Slot,
  type SlotCreate,
  type SlotPatch,
  slotCreateSchema,
  slotPatchSchema,
} from './slot.js';
import {
  type Specimen,
  type SpecimenCreate,
  specimenCreateSchema,
  specimenPatchSchema,
} from './specimen.js';
import { type Task, type TaskCreate, taskCreateSchema, taskPatchSchema } from './task.js';
import {
  type VisionPrescription,
  type VisionPrescriptionCreate,
  visionPrescriptionCreateSchema,
  visionPrescriptionPatchSchema,
} from './vision-prescription.js';

export interface ResourceSchemas {
  /** Body of `POST /v1/{path}`. */
  create: z.ZodMiniType;
  /** Body of `PATCH /v1/{path}/{id}`. */
  patch: z.ZodMiniType;
}

/**
 * Create and patch schemas of every registered path: the contract's shapes, and for the paths it
 * does not document, shapes written from ClinikAPI's OpenAPI document. Importing this map pulls
 * in every schema: a page that validates one resource imports that resource's module instead.
 */
export const RESOURCE_SCHEMAS = {
  patients: { create: patientCreateSchema, patch: patientPatchSchema },
  practitioners: { create: practitionerCreateSchema, patch: practitionerPatchSchema },
  appointments: { create: appointmentCreateSchema, patch: appointmentPatchSchema },
  slots: { create: slotCreateSchema, patch: slotPatchSchema },
  schedules: { create: scheduleCreateSchema, patch: schedulePatchSchema },
  observations: { create: observationCreateSchema, patch: observationPatchSchema },
  'practitioner-roles': {
    create: practitionerRoleCreateSchema,
    patch: practitionerRolePatchSchema,
  },
  encounters: { create: encounterCreateSchema, patch: encounterPatchSchema },
  medications: { create: medicationCreateSchema, patch: medicationPatchSchema },
  prescriptions: { create: prescriptionCreateSchema, patch: prescriptionPatchSchema },
  intakes: { create: intakeCreateSchema, patch: intakePatchSchema },
  consents: { create: consentCreateSchema, patch: consentPatchSchema },
  labs: { create: labCreateSchema, patch: labPatchSchema },
  notes: { create: noteCreateSchema, patch: notePatchSchema },
  assessments: { create: assessmentCreateSchema, patch: assessmentPatchSchema },
  documents: { create: documentCreateSchema, patch: documentPatchSchema },
  conditions: { create: conditionCreateSchema, patch: conditionPatchSchema },
  allergies: { create: allergyCreateSchema, patch: allergyPatchSchema },
  immunizations: { create: immunizationCreateSchema, patch: immunizationPatchSchema },
  'care-plans': { create: carePlanCreateSchema, patch: carePlanPatchSchema },
  goals: { create: goalCreateSchema, patch: goalPatchSchema },
  'appointment-responses': {
    create: appointmentResponseCreateSchema,
    patch: appointmentResponsePatchSchema,
  },
  tasks: { create: taskCreateSchema, patch: taskPatchSchema },
  organizations: { create: organizationCreateSchema, patch: organizationPatchSchema },
  accounts: { create: accountCreateSchema, patch: accountPatchSchema },
  'healthcare-services': {
    create: healthcareServiceCreateSchema,
    patch: healthcareServicePatchSchema,
  },
  'service-requests': { create: serviceRequestCreateSchema, patch: serviceRequestPatchSchema },
  locations: { create: locationCreateSchema, patch: locationPatchSchema },
  persons: { create: personCreateSchema, patch: personPatchSchema },
  'family-history': { create: familyHistoryCreateSchema, patch: familyHistoryPatchSchema },
  claims: { create: claimCreateSchema, patch: claimPatchSchema },
  'claim-responses': { create: claimResponseCreateSchema, patch: claimResponsePatchSchema },
  'care-teams': { create: careTeamCreateSchema, patch: careTeamPatchSchema },
  'charge-items': { create: chargeItemCreateSchema, patch: chargeItemPatchSchema },
  coverages: { create: coverageCreateSchema, patch: coveragePatchSchema },
  'eligibility-requests': {
    create: eligibilityRequestCreateSchema,
    patch: eligibilityRequestPatchSchema,
  },
  'eligibility-responses': {
    create: eligibilityResponseCreateSchema,
    patch: eligibilityResponsePatchSchema,
  },
  eobs: { create: eobCreateSchema, patch: eobPatchSchema },
  devices: { create: deviceCreateSchema, patch: devicePatchSchema },
  'device-requests': { create: deviceRequestCreateSchema, patch: deviceRequestPatchSchema },
  'device-use-statements': {
    create: deviceUseStatementCreateSchema,
    patch: deviceUseStatementPatchSchema,
  },
  invoices: { create: invoiceCreateSchema, patch: invoicePatchSchema },
  'medication-dispenses': {
    create: medicationDispenseCreateSchema,
    patch: medicationDispensePatchSchema,
  },
  'medication-knowledge': {
    create: medicationKnowledgeCreateSchema,
    patch: medicationKnowledgePatchSchema,
  },
  'medication-statements': {
    create: medicationStatementCreateSchema,
    patch: medicationStatementPatchSchema,
  },
  'payment-notices': { create: paymentNoticeCreateSchema, patch: paymentNoticePatchSchema },
  'payment-reconciliations': {
    create: paymentReconciliationCreateSchema,
    patch: paymentReconciliationPatchSchema,
  },
  specimens: { create: specimenCreateSchema, patch: specimenPatchSchema },
  'imaging-studies': { create: imagingStudyCreateSchema, patch: imagingStudyPatchSchema },
  'enrollment-requests': {
    create: enrollmentRequestCreateSchema,
    patch: enrollmentRequestPatchSchema,
  },
  'enrollment-responses': {
    create: enrollmentResponseCreateSchema,
    patch: enrollmentResponsePatchSchema,
  },
  'immunization-evaluations': {
    create: immunizationEvaluationCreateSchema,
    patch: immunizationEvaluationPatchSchema,
  },
  media: { create: mediaCreateSchema, patch: mediaPatchSchema },
  'activity-definitions': {
    create: activityDefinitionCreateSchema,
    patch: activityDefinitionPatchSchema,
  },
  'nutrition-orders': { create: nutritionOrderCreateSchema, patch: nutritionOrderPatchSchema },
  'plan-definitions': { create: planDefinitionCreateSchema, patch: planDefinitionPatchSchema },
  'vision-prescriptions': {
    create: visionPrescriptionCreateSchema,
    patch: visionPrescriptionPatchSchema,
  },
  'risk-assessments': { create: riskAssessmentCreateSchema, patch: riskAssessmentPatchSchema },
  'audit-events': { create: auditEventCreateSchema, patch: auditEventPatchSchema },
  measures: { create: measureCreateSchema, patch: measurePatchSchema },
  'measure-reports': { create: measureReportCreateSchema, patch: measureReportPatchSchema },
  'immunization-recommendations': {
    create: immunizationRecommendationCreateSchema,
    patch: immunizationRecommendationPatchSchema,
  },
} as const satisfies Record<ResourcePath, ResourceSchemas>;

/** The schemas of a path, or `undefined` when the path is not registered. */
export function getResourceSchemas(path: string): ResourceSchemas | undefined {
  // Own keys only: `constructor` or `__proto__` are not paths.
  return Object.hasOwn(RESOURCE_SCHEMAS, path)
    ? (RESOURCE_SCHEMAS as Record<string, ResourceSchemas>)[path]
    : undefined;
}

/** Search parameters shared by clinical and scheduling resources. */
export interface ClinicalSearchParams {
  patientId?: string;
  status?: string;
  /** Inclusive lower bound (ISO date or date-time) on the resource's main date. */
  dateFrom?: string;
  /** Inclusive upper bound (ISO date or date-time) on the resource's main date. */
  dateTo?: string;
  /** `date` ascending or `-date` descending. */
  sort?: 'date' | '-date';
}

/** Paging parameters of every search. */
export interface PagingParams {
  /** Page size, 1-100. Defaults to 20. */
  count?: number;
  /** Cursor from the previous page. */
  cursor?: string;
}

/** A stored record of a resource without a documented simplified shape. */
export interface GenericRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

interface Shape<Record, Create, Patch, Search> {
  record: Record;
  create: Create;
  patch: Patch;
  search: Search & PagingParams;
}

/** Record, create, patch and search types per resource path. */
export interface ResourceTypeMap {
  patients: Shape<Patient, PatientCreate, PatientPatch, PatientSearchParams>;
  practitioners: Shape<
    Practitioner,
    PractitionerCreate,
    PractitionerPatch,
    PractitionerSearchParams
  >;
  appointments: Shape<
    Appointment,
    AppointmentCreate,
    AppointmentPatch,
    ClinicalSearchParams & { practitionerId?: string; slotId?: string }
  >;
  slots: Shape<
    Slot,
    SlotCreate,
    SlotPatch,
    ClinicalSearchParams & { scheduleId?: string; practitionerId?: string }
  >;
  schedules: Shape<
    Schedule,
    ScheduleCreate,
    SchedulePatch,
    ClinicalSearchParams & { practitionerId?: string; active?: boolean }
  >;
  observations: Shape<Observation, ObservationCreate, ObservationPatch, ClinicalSearchParams>;
  'practitioner-roles': Shape<
    PractitionerRole,
    PractitionerRoleCreate,
    PractitionerRolePatch,
    ClinicalSearchParams & { practitionerId?: string }
  >;
  encounters: Shape<Encounter, EncounterCreate, EncounterPatch, ClinicalSearchParams>;
  medications: Shape<Medication, MedicationCreate, MedicationPatch, ClinicalSearchParams>;
  prescriptions: Shape<Prescription, PrescriptionCreate, PrescriptionPatch, ClinicalSearchParams>;
  intakes: Shape<Intake, IntakeCreate, IntakePatch, ClinicalSearchParams>;
  consents: Shape<Consent, ConsentCreate, ConsentPatch, ClinicalSearchParams>;
  labs: Shape<Lab, LabCreate, LabPatch, ClinicalSearchParams>;
  notes: Shape<Note, NoteCreate, NotePatch, ClinicalSearchParams>;
  assessments: Shape<Assessment, AssessmentCreate, AssessmentPatch, ClinicalSearchParams>;
  documents: Shape<ClinicalDocument, DocumentCreate, DocumentPatch, ClinicalSearchParams>;
  conditions: Shape<Condition, ConditionCreate, ConditionPatch, ClinicalSearchParams>;
  allergies: Shape<Allergy, AllergyCreate, AllergyPatch, ClinicalSearchParams>;
  immunizations: Shape<Immunization, ImmunizationCreate, ImmunizationPatch, ClinicalSearchParams>;
  'care-plans': Shape<CarePlan, CarePlanCreate, CarePlanPatch, ClinicalSearchParams>;
  goals: Shape<Goal, GoalCreate, GoalPatch, ClinicalSearchParams>;
  'appointment-responses': Documented<
    'appointment-responses',
    AppointmentResponse,
    AppointmentResponseCreate
  >;
  tasks: Documented<'tasks', Task, TaskCreate>;
  organizations: Documented<'organizations', Organization, OrganizationCreate>;
  accounts: Documented<'accounts', Account, AccountCreate>;
  'healthcare-services': Documented<
    'healthcare-services',
    HealthcareService,
    HealthcareServiceCreate
  >;
  'service-requests': Documented<'service-requests', ServiceRequest, ServiceRequestCreate>;
  locations: Documented<'locations', LocationRecord, LocationCreate>;
  persons: Documented<'persons', Person, PersonCreate>;
  'family-history': Documented<'family-history', FamilyMemberHistory, FamilyMemberHistoryCreate>;
  claims: Documented<'claims', Claim, ClaimCreate>;
  'claim-responses': Documented<'claim-responses', ClaimResponse, ClaimResponseCreate>;
  'care-teams': Documented<'care-teams', CareTeam, CareTeamCreate>;
  'charge-items': Documented<'charge-items', ChargeItem, ChargeItemCreate>;
  coverages: Documented<'coverages', Coverage, CoverageCreate>;
  'eligibility-requests': Documented<
    'eligibility-requests',
    EligibilityRequest,
    EligibilityRequestCreate
  >;
  'eligibility-responses': Documented<
    'eligibility-responses',
    EligibilityResponse,
    EligibilityResponseCreate
  >;
  eobs: Documented<'eobs', ExplanationOfBenefit, ExplanationOfBenefitCreate>;
  devices: Documented<'devices', Device, DeviceCreate>;
  'device-requests': Documented<'device-requests', DeviceRequest, DeviceRequestCreate>;
  'device-use-statements': Documented<
    'device-use-statements',
    DeviceUseStatement,
    DeviceUseStatementCreate
  >;
  invoices: Documented<'invoices', Invoice, InvoiceCreate>;
  'medication-dispenses': Documented<
    'medication-dispenses',
    MedicationDispense,
    MedicationDispenseCreate
  >;
  'medication-knowledge': Documented<
    'medication-knowledge',
    MedicationKnowledge,
    MedicationKnowledgeCreate
  >;
  'medication-statements': Documented<
    'medication-statements',
    MedicationStatement,
    MedicationStatementCreate
  >;
  'payment-notices': Documented<'payment-notices', PaymentNotice, PaymentNoticeCreate>;
  'payment-reconciliations': Documented<
    'payment-reconciliations',
    PaymentReconciliation,
    PaymentReconciliationCreate
  >;
  specimens: Documented<'specimens', Specimen, SpecimenCreate>;
  'imaging-studies': Documented<'imaging-studies', ImagingStudy, ImagingStudyCreate>;
  'enrollment-requests': Documented<
    'enrollment-requests',
    EnrollmentRequest,
    EnrollmentRequestCreate
  >;
  'enrollment-responses': Documented<
    'enrollment-responses',
    EnrollmentResponse,
    EnrollmentResponseCreate
  >;
  'immunization-evaluations': Documented<
    'immunization-evaluations',
    ImmunizationEvaluation,
    ImmunizationEvaluationCreate
  >;
  media: Documented<'media', Media, MediaCreate>;
  'activity-definitions': Documented<
    'activity-definitions',
    ActivityDefinition,
    ActivityDefinitionCreate
  >;
  'nutrition-orders': Documented<'nutrition-orders', NutritionOrder, NutritionOrderCreate>;
  'plan-definitions': Documented<'plan-definitions', PlanDefinition, PlanDefinitionCreate>;
  'vision-prescriptions': Documented<
    'vision-prescriptions',
    VisionPrescription,
    VisionPrescriptionCreate
  >;
  'risk-assessments': Documented<'risk-assessments', RiskAssessment, RiskAssessmentCreate>;
  'audit-events': Documented<'audit-events', AuditEvent, AuditEventCreate>;
  measures: Documented<'measures', Measure, MeasureCreate>;
  'measure-reports': Documented<'measure-reports', MeasureReport, MeasureReportCreate>;
  'immunization-recommendations': Documented<
    'immunization-recommendations',
    ImmunizationRecommendation,
    ImmunizationRecommendationCreate
  >;
}

/** A search parameter's value type, by name. */
type SearchValue<Name extends string> = Name extends 'sort'
  ? 'date' | '-date'
  : Name extends 'active'
    ? boolean
    : string;

/**
 * The search parameters of a path as the registry lists them, e.g. `RegistrySearchParams<'tasks'>`
 * has `patientId`, `status`, `ownerId`, `requesterId`, `priority`, `code`, `dateFrom`, `dateTo`,
 * `sort`. Dates are ISO dates or date-times; `sort` is `date` or `-date`.
 */
export type RegistrySearchParams<P extends ResourcePath> = {
  [Name in Extract<
    (typeof RESOURCES)[number],
    { path: P }
  >['searchParams'][number]]?: SearchValue<Name>;
};

/**
 * The types of a path whose shape comes from the OpenAPI document: PATCH takes any subset, except
 * on the paths the document gives no PATCH (`audit-events`, `immunization-recommendations`),
 * where a patch is `never`, so an update does not type-check.
 */
type Documented<P extends ResourcePath, Stored, Create> = Shape<
  Stored,
  Create,
  P extends 'audit-events' | 'immunization-recommendations' ? never : Partial<Create>,
  RegistrySearchParams<P>
>;

type GenericShape = Shape<
  GenericRecord,
  Record<string, unknown>,
  Record<string, unknown>,
  ClinicalSearchParams & Record<string, string | number | boolean | undefined>
>;

/** The types of one resource path; undocumented shapes fall back to generic records. */
export type ResourceTypes<P extends string> = P extends keyof ResourceTypeMap
  ? ResourceTypeMap[P]
  : GenericShape;
