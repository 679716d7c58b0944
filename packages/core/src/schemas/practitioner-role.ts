import * as z from 'zod/mini';
import { emailSchema, idSchema, periodSchema, phoneSchema, shortText } from './common.js';

const practitionerRoleFields = z.strictObject({
  practitionerId: idSchema,
  organizationId: z.optional(idSchema),
  locationIds: z.optional(z.array(idSchema).check(z.maxLength(20))),
  /** The role, e.g. `doctor`, `nurse`. */
  role: z.optional(shortText(200)),
  specialty: z.optional(z.array(shortText(200)).check(z.maxLength(20))),
  active: z.optional(z.boolean()),
  /** When the role applies; `period.start` is its main date. */
  period: z.optional(periodSchema),
  email: z.optional(emailSchema),
  phone: z.optional(phoneSchema),
});

export const practitionerRoleCreateSchema = practitionerRoleFields;
export const practitionerRolePatchSchema = z.partial(practitionerRoleFields);

export type PractitionerRoleCreate = z.infer<typeof practitionerRoleFields>;
export type PractitionerRolePatch = Partial<PractitionerRoleCreate>;

export interface PractitionerRole extends PractitionerRoleCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
