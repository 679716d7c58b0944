import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import {
  fhirDateTime,
  ids,
  longText,
  loosePeriodSchema,
  notBoth,
  type Stored,
  texts,
} from './kit.js';

export const DEVICE_USE_STATUSES = [
  'active',
  'completed',
  'on-hold',
  'intended',
  'stopped',
  'not-done',
] as const;

/** `DeviceUseStatementCreate` of the OpenAPI document (FHIR `DeviceUseStatement`). */
const deviceUseStatementFields = z.strictObject({
  status: z.enum(DEVICE_USE_STATUSES),
  patientId: idSchema,
  deviceId: idSchema,
  timingDateTime: z.optional(fhirDateTime),
  timingPeriod: z.optional(loosePeriodSchema),
  recordedOn: z.optional(fhirDateTime),
  /** Who reported the use (a Patient id). */
  sourceId: z.optional(idSchema),
  reasonCode: z.optional(texts(20, 500)),
  bodySite: z.optional(shortText(200)),
  note: z.optional(longText(5000)),
  /** ServiceRequest ids. */
  basedOn: z.optional(ids(20)),
});

export const deviceUseStatementCreateSchema = deviceUseStatementFields.check(
  notBoth('timingDateTime', 'timingPeriod'),
);
export const deviceUseStatementPatchSchema = z.partial(deviceUseStatementFields);

export type DeviceUseStatementCreate = z.infer<typeof deviceUseStatementFields>;
export type DeviceUseStatementPatch = Partial<DeviceUseStatementCreate>;
export type DeviceUseStatement = Stored<DeviceUseStatementCreate>;
