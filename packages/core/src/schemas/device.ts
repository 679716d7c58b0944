import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { fhirDateTime, longText, type Stored, texts, urlSchema } from './kit.js';

export const DEVICE_STATUSES = ['active', 'inactive'] as const;

/** `DeviceCreate` of the OpenAPI document (FHIR `Device`). */
const deviceFields = z.strictObject({
  /** Stored as the device's user-friendly name. */
  deviceName: shortText(500),
  status: z.optional(z.enum(DEVICE_STATUSES)),
  manufacturer: z.optional(shortText(500)),
  modelNumber: z.optional(shortText(200)),
  serialNumber: z.optional(shortText(200)),
  lotNumber: z.optional(shortText(200)),
  manufactureDate: z.optional(fhirDateTime),
  expirationDate: z.optional(fhirDateTime),
  type: z.optional(shortText(200)),
  /** The patient using the device: patient portals see their own devices. */
  patientId: z.optional(idSchema),
  /** An Organization id. */
  ownerId: z.optional(idSchema),
  locationId: z.optional(idSchema),
  url: z.optional(urlSchema),
  note: z.optional(longText(5000)),
  /** Parent Device id. */
  parentId: z.optional(idSchema),
  udiCarrier: z.optional(
    z
      .array(
        z.strictObject({
          deviceIdentifier: z.optional(shortText(200)),
          carrierHRF: z.optional(shortText(500)),
        }),
      )
      .check(z.maxLength(10)),
  ),
  safety: z.optional(texts(20)),
});

export const deviceCreateSchema = deviceFields;
export const devicePatchSchema = z.partial(deviceFields);

export type DeviceCreate = z.infer<typeof deviceFields>;
export type DevicePatch = Partial<DeviceCreate>;
export type Device = Stored<DeviceCreate>;
