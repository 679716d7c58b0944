import * as z from 'zod/mini';
import { shortText } from './common.js';
import { definitionFields } from './definition.js';
import { longText, REQUEST_PRIORITIES, type Stored, urlSchema } from './kit.js';

/** `PlanDefinitionCreate` of the OpenAPI document (FHIR `PlanDefinition`). */
const planDefinitionFields = z.strictObject({
  ...definitionFields,
  type: z.optional(shortText(200)),
  goal: z.optional(
    z
      .array(
        z.strictObject({
          description: shortText(2000),
          priority: z.optional(shortText(100)),
          category: z.optional(shortText(200)),
        }),
      )
      .check(z.maxLength(20)),
  ),
  action: z.optional(
    z
      .array(
        z.strictObject({
          title: z.optional(shortText(500)),
          description: z.optional(longText(2000)),
          /** FHIR RequestPriority (a required binding). */
          priority: z.optional(z.enum(REQUEST_PRIORITIES)),
          code: z.optional(shortText(200)),
          type: z.optional(shortText(200)),
          /** The ActivityDefinition (or other definition) the action runs. */
          definitionUri: z.optional(urlSchema),
        }),
      )
      .check(z.maxLength(50)),
  ),
});

export const planDefinitionCreateSchema = planDefinitionFields;
export const planDefinitionPatchSchema = z.partial(planDefinitionFields);

export type PlanDefinitionCreate = z.infer<typeof planDefinitionFields>;
export type PlanDefinitionPatch = Partial<PlanDefinitionCreate>;
export type PlanDefinition = Stored<PlanDefinitionCreate>;
