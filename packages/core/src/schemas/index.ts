import type * as z from 'zod/mini';
import type { ResourcePath } from '../registry.js';
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
  type Assessment,
  type AssessmentCreate,
  type AssessmentPatch,
  assessmentCreateSchema,
  assessmentPatchSchema,
} from './assessment.js';
import {
  type CarePlan,
  type CarePlanCreate,
  type CarePlanPatch,
  carePlanCreateSchema,
  carePlanPatchSchema,
} from './care-plan.js';
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
  type ClinicalDocument,
  type DocumentCreate,
  type DocumentPatch,
  documentCreateSchema,
  documentPatchSchema,
} from './document.js';
import {
  type Encounter,
  type EncounterCreate,
  type EncounterPatch,
  encounterCreateSchema,
  encounterPatchSchema,
} from './encounter.js';
import {
  type Goal,
  type GoalCreate,
  type GoalPatch,
  goalCreateSchema,
  goalPatchSchema,
} from './goal.js';
import {
  type Immunization,
  type ImmunizationCreate,
  type ImmunizationPatch,
  immunizationCreateSchema,
  immunizationPatchSchema,
} from './immunization.js';
import {
  type Intake,
  type IntakeCreate,
  type IntakePatch,
  intakeCreateSchema,
  intakePatchSchema,
} from './intake.js';
import { type Lab, type LabCreate, type LabPatch, labCreateSchema, labPatchSchema } from './lab.js';
import {
  type Medication,
  type MedicationCreate,
  type MedicationPatch,
  medicationCreateSchema,
  medicationPatchSchema,
} from './medication.js';
import {
  type Note,
  type NoteCreate,
  type NotePatch,
  noteCreateSchema,
  notePatchSchema,
} from './note.js';
import {
  type Observation,
  type ObservationCreate,
  type ObservationPatch,
  observationCreateSchema,
  observationPatchSchema,
} from './observation.js';
import {
  type Patient,
  type PatientCreate,
  type PatientPatch,
  type PatientSearchParams,
  patientCreateSchema,
  patientPatchSchema,
} from './patient.js';
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
  type Schedule,
  type ScheduleCreate,
  type SchedulePatch,
  scheduleCreateSchema,
  schedulePatchSchema,
} from './schedule.js';
import {
  type Slot,
  type SlotCreate,
  type SlotPatch,
  slotCreateSchema,
  slotPatchSchema,
} from './slot.js';

export interface ResourceSchemas {
  /** Body of `POST /v1/{path}`. */
  create: z.ZodMiniType;
  /** Body of `PATCH /v1/{path}/{id}`. */
  patch: z.ZodMiniType;
}

/** Schemas of the resources whose simplified shapes the contract documents. */
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
} as const satisfies Partial<Record<ResourcePath, ResourceSchemas>>;

/** The schemas of a path, or `undefined` where the contract documents no simplified shape yet. */
export function getResourceSchemas(path: string): ResourceSchemas | undefined {
  return (RESOURCE_SCHEMAS as Partial<Record<string, ResourceSchemas>>)[path];
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
}

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
