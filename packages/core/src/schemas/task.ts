import * as z from 'zod/mini';
import { dateTimeSchema, idSchema, periodSchema, shortText } from './common.js';
import {
  ids,
  longText,
  loosePeriodSchema,
  positiveInt,
  REQUEST_PRIORITIES,
  type Stored,
  UNBOUNDED,
} from './kit.js';

export const TASK_STATUSES = [
  'draft',
  'requested',
  'received',
  'accepted',
  'rejected',
  'ready',
  'cancelled',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
] as const;

export const TASK_INTENTS = [
  'unknown',
  'proposal',
  'plan',
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
  'option',
] as const;

const VALUE_KEYS = ['valueString', 'valueBoolean', 'valueInteger'] as const;

/** A task input or output: a typed value (FHIR requires exactly one `value[x]`). */
const taskParameterSchema = z
  .strictObject({
    type: shortText(200),
    valueString: z.optional(longText(2000)),
    valueBoolean: z.optional(z.boolean()),
    valueInteger: z.optional(z.int()),
  })
  .check(
    z.refine((p) => VALUE_KEYS.filter((key) => p[key] !== undefined).length === 1, {
      error: 'needs exactly one of valueString, valueBoolean, valueInteger',
    }),
  );

/** `TaskCreate` of the OpenAPI document (FHIR `Task`). */
const taskFields = z.strictObject({
  status: z.enum(TASK_STATUSES),
  intent: z.enum(TASK_INTENTS),
  statusReason: z.optional(shortText(500)),
  /** Business-specific status, e.g. `Specimen collected`. */
  businessStatus: z.optional(shortText(200)),
  priority: z.optional(z.enum(REQUEST_PRIORITIES)),
  /** Task type code. */
  code: z.optional(shortText(200)),
  description: z.optional(longText(2000)),
  /** What the task acts on (a ServiceRequest). */
  focusId: z.optional(idSchema),
  /** Beneficiary of the task: patient portals see the tasks naming them. */
  patientId: z.optional(idSchema),
  encounterId: z.optional(idSchema),
  executionPeriod: z.optional(periodSchema),
  /** Main date. */
  authoredOn: z.optional(dateTimeSchema),
  requesterId: z.optional(idSchema),
  ownerId: z.optional(idSchema),
  reasonCode: z.optional(shortText(500)),
  note: z.optional(longText(2000)),
  /** ServiceRequest ids. */
  basedOn: z.optional(ids(UNBOUNDED)),
  /** Parent Task ids. */
  partOf: z.optional(ids(UNBOUNDED)),
  input: z.optional(z.array(taskParameterSchema).check(z.maxLength(UNBOUNDED))),
  output: z.optional(z.array(taskParameterSchema).check(z.maxLength(UNBOUNDED))),
  restriction: z.optional(
    z.strictObject({
      repetitions: z.optional(positiveInt()),
      period: z.optional(loosePeriodSchema),
      /** Practitioner ids. */
      recipientIds: z.optional(ids(UNBOUNDED)),
    }),
  ),
});

export const taskCreateSchema = taskFields;
export const taskPatchSchema = z.partial(taskFields);

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskCreate = z.infer<typeof taskFields>;
export type TaskPatch = Partial<TaskCreate>;
export type Task = Stored<TaskCreate>;
