import { z } from 'zod';
import { emailSchema, idSchema, periodSchema, phoneSchema, shortText } from './common.js';

const practitionerRoleFields = z.strictObject({
  practitionerId: idSchema,
  organizationId: idSchema.optional(),
  locationIds: z.array(idSchema).max(20).optional(),
  /** The role, e.g. `doctor`, `nurse`. */
  role: shortText(200).optional(),
  specialty: z.array(shortText(200)).max(20).optional(),
  active: z.boolean().optional(),
  /** When the role applies; `period.start` is its main date. */
  period: periodSchema.optional(),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
});

export const practitionerRoleCreateSchema = practitionerRoleFields;
export const practitionerRolePatchSchema = practitionerRoleFields.partial();

export type PractitionerRoleCreate = z.infer<typeof practitionerRoleFields>;
export type PractitionerRolePatch = Partial<PractitionerRoleCreate>;

export interface PractitionerRole extends PractitionerRoleCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
