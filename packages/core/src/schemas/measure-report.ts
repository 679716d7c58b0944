import * as z from 'zod/mini';
import { endAfterStart } from './checks.js';
import { idSchema, shortText } from './common.js';
import { fhirDateTime, type Stored } from './kit.js';

export const MEASURE_REPORT_STATUSES = ['complete', 'pending', 'error'] as const;
export const MEASURE_REPORT_TYPES = [
  'individual',
  'subject-list',
  'summary',
  'data-collection',
] as const;

const groupSchema = z.strictObject({
  code: z.optional(shortText(200)),
  population: z.optional(
    z
      .array(
        z.strictObject({
          code: z.optional(shortText(200)),
          count: z.optional(z.int()),
        }),
      )
      .check(z.maxLength(20)),
  ),
  measureScore: z.optional(z.strictObject({ value: z.number(), unit: z.optional(shortText(50)) })),
});

/** `MeasureReportCreate` of the OpenAPI document (FHIR `MeasureReport`). */
const measureReportFields = z.strictObject({
  status: z.enum(MEASURE_REPORT_STATUSES),
  type: z.enum(MEASURE_REPORT_TYPES),
  /** The Measure: its id or canonical URL (stored as FHIR `measure`, a canonical). */
  measureId: shortText(2000),
  /** The patient reported on: patient portals see their own individual reports. */
  patientId: z.optional(idSchema),
  /** Main date (else `period.start`). */
  date: z.optional(fhirDateTime),
  /** An Organization id. */
  reporterId: z.optional(idSchema),
  period: endAfterStart(z.strictObject({ start: fhirDateTime, end: fhirDateTime }), false),
  group: z.optional(z.array(groupSchema).check(z.maxLength(20))),
});

/** FHIR mrp-1: data-collection reports carry no groups or scores. */
export const measureReportCreateSchema = measureReportFields.check(
  z.refine((report) => report.type !== 'data-collection' || !report.group?.length, {
    error: 'must be empty for data-collection reports',
    path: ['group'],
  }),
);
export const measureReportPatchSchema = z.partial(measureReportFields);

export type MeasureReportCreate = z.infer<typeof measureReportFields>;
export type MeasureReportPatch = Partial<MeasureReportCreate>;
export type MeasureReport = Stored<MeasureReportCreate>;
