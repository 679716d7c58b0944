import * as z from 'zod/mini';
import { dateTimeSchema, idSchema, periodSchema, shortText } from './common.js';

export const CONSENT_STATUSES = [
  'draft',
  'proposed',
  'active',
  'rejected',
  'inactive',
  'entered-in-error',
] as const;

/** HL7 consent scopes. */
export const CONSENT_SCOPES = ['patient-privacy', 'research', 'treatment', 'adr'] as const;

const consentFields = z.strictObject({
  status: z.enum(CONSENT_STATUSES),
  scope: z.enum(CONSENT_SCOPES),
  patientId: idSchema,
  /** What kind of consent, e.g. `HIPAA authorization`. */
  category: z.optional(shortText(200)),
  /** Main date: when the consent was given. */
  dateTime: z.optional(dateTimeSchema),
  /** Who agreed (a patient or related person id). */
  performerId: z.optional(idSchema),
  policyUri: z.optional(z.url({ error: 'must be a valid URL' }).check(z.maxLength(2048))),
  decision: z.optional(z.enum(['permit', 'deny'])),
  period: z.optional(periodSchema),
});

export const consentCreateSchema = consentFields;
export const consentPatchSchema = z.partial(consentFields);

export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type ConsentCreate = z.infer<typeof consentFields>;
export type ConsentPatch = Partial<ConsentCreate>;

export interface Consent extends ConsentCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
