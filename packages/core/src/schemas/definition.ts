import * as z from 'zod/mini';
import { shortText } from './common.js';
import { fhirDateTime, longText, PUBLICATION_STATUSES, texts, urlSchema } from './kit.js';

/**
 * The metadata the document gives every definition resource (`ActivityDefinitionCreate`,
 * `PlanDefinitionCreate`, `MeasureCreate`): FHIR's canonical-resource header.
 */
export const definitionFields = {
  status: z.enum(PUBLICATION_STATUSES),
  /** Machine-friendly name; matched by the partial `name` search. */
  name: z.optional(shortText(500)),
  title: z.optional(shortText(500)),
  description: z.optional(longText(5000)),
  purpose: z.optional(longText(5000)),
  usage: z.optional(longText(5000)),
  publisher: z.optional(shortText(500)),
  date: z.optional(fhirDateTime),
  version: z.optional(shortText(100)),
  /** Canonical URL. */
  url: z.optional(urlSchema),
  experimental: z.optional(z.boolean()),
  topic: z.optional(texts(10)),
};
