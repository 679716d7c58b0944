import type { z } from 'zod';
import type { ResourcePath } from '../registry.js';
import {
  type Appointment,
  type AppointmentCreate,
  type AppointmentPatch,
  appointmentCreateSchema,
  appointmentPatchSchema,
} from './appointment.js';
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
  create: z.ZodType;
  /** Body of `PATCH /v1/{path}/{id}`. */
  patch: z.ZodType;
}

/** Schemas of the resources whose simplified shapes the contract documents. */
export const RESOURCE_SCHEMAS = {
  patients: { create: patientCreateSchema, patch: patientPatchSchema },
  practitioners: { create: practitionerCreateSchema, patch: practitionerPatchSchema },
  appointments: { create: appointmentCreateSchema, patch: appointmentPatchSchema },
  slots: { create: slotCreateSchema, patch: slotPatchSchema },
  schedules: { create: scheduleCreateSchema, patch: schedulePatchSchema },
  observations: { create: observationCreateSchema, patch: observationPatchSchema },
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
