import { z } from 'zod';
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
  category: shortText(200).optional(),
  /** Main date: when the consent was given. */
  dateTime: dateTimeSchema.optional(),
  /** Who agreed (a patient or related person id). */
  performerId: idSchema.optional(),
  policyUri: z.url({ error: 'must be a valid URL' }).max(2048).optional(),
  decision: z.enum(['permit', 'deny']).optional(),
  period: periodSchema.optional(),
});

export const consentCreateSchema = consentFields;
export const consentPatchSchema = consentFields.partial();

export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type ConsentCreate = z.infer<typeof consentFields>;
export type ConsentPatch = Partial<ConsentCreate>;

export interface Consent extends ConsentCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
