import * as z from 'zod/mini';
import { codeSchema, shortText } from './common.js';
import { amountSchema, longText, moneySchema, type Stored, texts } from './kit.js';

export const MEDICATION_KNOWLEDGE_STATUSES = ['active', 'inactive'] as const;

const ratioPartSchema = z.strictObject({
  value: z.number(),
  unit: z.optional(shortText(50)),
});

const ingredientSchema = z.strictObject({
  /** The substance (FHIR requires it). */
  item: codeSchema,
  isActive: z.optional(z.boolean()),
  strength: z.optional(
    z.strictObject({
      numerator: z.optional(ratioPartSchema),
      denominator: z.optional(ratioPartSchema),
    }),
  ),
});

/** `MedicationKnowledgeCreate` of the OpenAPI document (FHIR `MedicationKnowledge`). */
const medicationKnowledgeFields = z.strictObject({
  code: z.optional(codeSchema),
  status: z.optional(z.enum(MEDICATION_KNOWLEDGE_STATUSES)),
  manufacturer: z.optional(shortText(200)),
  doseForm: z.optional(shortText(200)),
  amount: z.optional(amountSchema),
  synonym: z.optional(texts(20)),
  productType: z.optional(texts(10)),
  ingredient: z.optional(z.array(ingredientSchema).check(z.maxLength(50))),
  preparationInstruction: z.optional(longText(5000)),
  intendedRoute: z.optional(texts(10)),
  cost: z.optional(
    z
      .array(
        z.strictObject({
          type: shortText(200),
          source: z.optional(shortText(500)),
          cost: moneySchema,
        }),
      )
      .check(z.maxLength(20)),
  ),
  packaging: z.optional(
    z.strictObject({ type: z.optional(shortText(200)), quantity: z.optional(amountSchema) }),
  ),
});

export const medicationKnowledgeCreateSchema = medicationKnowledgeFields;
export const medicationKnowledgePatchSchema = z.partial(medicationKnowledgeFields);

export type MedicationKnowledgeCreate = z.infer<typeof medicationKnowledgeFields>;
export type MedicationKnowledgePatch = Partial<MedicationKnowledgeCreate>;
export type MedicationKnowledge = Stored<MedicationKnowledgeCreate>;
