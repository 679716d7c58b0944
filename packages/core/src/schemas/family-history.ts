import * as z from 'zod/mini';
import { dateTimeSchema, idSchema, shortText } from './common.js';
import { fhirDate, longText, notBoth, onlyWith, type Stored, texts } from './kit.js';

export const FAMILY_HISTORY_STATUSES = ['partial', 'completed', 'health-unknown'] as const;

const familyConditionSchema = z.strictObject({
  /** Condition code or description. */
  code: shortText(500),
  outcome: z.optional(shortText(500)),
  contributedToDeath: z.optional(z.boolean()),
  /** e.g. `Age 45`. */
  onsetString: z.optional(shortText(200)),
  note: z.optional(longText(2000)),
});

/** `FamilyMemberHistoryCreate` of the OpenAPI document (FHIR `FamilyMemberHistory`). */
const familyHistoryFields = z.strictObject({
  status: z.enum(FAMILY_HISTORY_STATUSES),
  patientId: idSchema,
  /** Main date. */
  date: z.optional(dateTimeSchema),
  /** The family member's name. */
  name: z.optional(shortText(200)),
  /** mother, father, sibling... (searched as `relationship`). */
  relationship: shortText(200),
  sex: z.optional(shortText(50)),
  bornDate: z.optional(fhirDate),
  /** Approximate age, e.g. `around 50`. */
  ageString: z.optional(shortText(100)),
  estimatedAge: z.optional(z.boolean()),
  deceasedBoolean: z.optional(z.boolean()),
  deceasedDate: z.optional(fhirDate),
  reasonCode: z.optional(texts(10, 500)),
  note: z.optional(longText(2000)),
  condition: z.optional(z.array(familyConditionSchema).check(z.maxLength(20))),
});

/** FHIR fhs-1 (age or birth date, not both), fhs-2 (estimatedAge needs an age), deceased[x]. */
export const familyHistoryCreateSchema = familyHistoryFields.check(
  notBoth('bornDate', 'ageString'),
  onlyWith('estimatedAge', 'ageString'),
  notBoth('deceasedBoolean', 'deceasedDate'),
);
export const familyHistoryPatchSchema = z.partial(familyHistoryFields);

export type FamilyMemberHistoryCreate = z.infer<typeof familyHistoryFields>;
export type FamilyMemberHistoryPatch = Partial<FamilyMemberHistoryCreate>;
export type FamilyMemberHistory = Stored<FamilyMemberHistoryCreate>;
