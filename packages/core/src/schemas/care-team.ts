import * as z from 'zod/mini';
import { emailSchema, idSchema, phoneSchema, shortText } from './common.js';
import { ids, longText, loosePeriodSchema, type Stored, texts } from './kit.js';

export const CARE_TEAM_STATUSES = ['proposed', 'active', 'suspended', 'inactive'] as const;

const participantSchema = z.strictObject({
  role: z.optional(shortText(200)),
  /** A Practitioner id. */
  memberId: idSchema,
  /** An Organization id (FHIR ctm-1: only for practitioner members). */
  onBehalfOfId: z.optional(idSchema),
  period: z.optional(loosePeriodSchema),
});

/** `CareTeamCreate` of the OpenAPI document (FHIR `CareTeam`). */
const careTeamFields = z.strictObject({
  name: shortText(500),
  status: z.optional(z.enum(CARE_TEAM_STATUSES)),
  category: z.optional(texts(10)),
  /** The patient cared for: patient portals see their own teams. */
  patientId: z.optional(idSchema),
  encounterId: z.optional(idSchema),
  period: z.optional(loosePeriodSchema),
  participant: z.optional(z.array(participantSchema).check(z.maxLength(50))),
  reasonCode: z.optional(texts(10, 500)),
  managingOrganizationIds: z.optional(ids(10)),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema.check(z.maxLength(200))),
  note: z.optional(longText(5000)),
});

export const careTeamCreateSchema = careTeamFields;
export const careTeamPatchSchema = z.partial(careTeamFields);

export type CareTeamCreate = z.infer<typeof careTeamFields>;
export type CareTeamPatch = Partial<CareTeamCreate>;
export type CareTeam = Stored<CareTeamCreate>;
