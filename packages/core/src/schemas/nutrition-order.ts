import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { amountSchema, fhirDateTime, ids, longText, type Stored, texts } from './kit.js';
import { SERVICE_REQUEST_STATUSES } from './service-request.js';

const oralDietSchema = z.strictObject({
  type: z.optional(texts(10)),
  instruction: z.optional(longText(2000)),
  nutrient: z.optional(
    z
      .array(
        z.strictObject({
          modifier: z.optional(shortText(200)),
          amount: z.optional(amountSchema),
        }),
      )
      .check(z.maxLength(20)),
  ),
});

const supplementSchema = z.strictObject({
  type: z.optional(shortText(200)),
  productName: z.optional(shortText(500)),
  quantity: z.optional(amountSchema),
  instruction: z.optional(longText(2000)),
});

const enteralFormulaSchema = z.strictObject({
  baseFormulaType: z.optional(shortText(200)),
  baseFormulaProductName: z.optional(shortText(500)),
  additiveType: z.optional(shortText(200)),
  routeOfAdministration: z.optional(shortText(200)),
  administrationInstruction: z.optional(longText(2000)),
});

/** `NutritionOrderCreate` of the OpenAPI document (FHIR `NutritionOrder`). */
const nutritionOrderFields = z.strictObject({
  status: z.enum(SERVICE_REQUEST_STATUSES),
  intent: z.enum(['proposal', 'plan', 'directive', 'order']),
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  /** Main date; defaults to the time of the write (FHIR requires it). */
  dateTime: z.optional(fhirDateTime),
  /** A Practitioner id. */
  ordererId: z.optional(idSchema),
  allergyIntoleranceIds: z.optional(ids(10)),
  foodPreferenceModifier: z.optional(texts(10)),
  excludeFoodModifier: z.optional(texts(10)),
  oralDiet: z.optional(oralDietSchema),
  supplement: z.optional(z.array(supplementSchema).check(z.maxLength(10))),
  enteralFormula: z.optional(enteralFormulaSchema),
  note: z.optional(longText(5000)),
});

/** FHIR nor-1: an order is an oral diet, a supplement or an enteral formula. */
export const nutritionOrderCreateSchema = nutritionOrderFields.check(
  z.refine(
    (order) =>
      order.oralDiet !== undefined ||
      (order.supplement?.length ?? 0) > 0 ||
      order.enteralFormula !== undefined,
    { error: 'needs an oralDiet, a supplement or an enteralFormula', path: ['oralDiet'] },
  ),
);
export const nutritionOrderPatchSchema = z.partial(nutritionOrderFields);

export type NutritionOrderCreate = z.infer<typeof nutritionOrderFields>;
export type NutritionOrderPatch = Partial<NutritionOrderCreate>;
export type NutritionOrder = Stored<NutritionOrderCreate>;
