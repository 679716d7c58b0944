import * as z from 'zod/mini';
import { codeSchema, dateTimeSchema, idSchema, shortText } from './common.js';

export const DOCUMENT_STATUSES = ['preliminary', 'final', 'amended', 'entered-in-error'] as const;

const sectionSchema = z.strictObject({
  title: z.optional(shortText(200)),
  /** Plain text of the section. */
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(50_000)),
});

const documentFields = z.strictObject({
  status: z.enum(DOCUMENT_STATUSES),
  /** Kind of document, e.g. LOINC `34133-9` (summary of episode note), or text. */
  type: codeSchema,
  title: shortText(200),
  patientId: idSchema,
  authorId: z.optional(idSchema),
  encounterId: z.optional(idSchema),
  /** Main date: when the document was last edited. */
  date: dateTimeSchema,
  sections: z.optional(z.array(sectionSchema).check(z.maxLength(50))),
});

export const documentCreateSchema = documentFields;
export const documentPatchSchema = z.partial(documentFields);

export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export type DocumentCreate = z.infer<typeof documentFields>;
export type DocumentPatch = Partial<DocumentCreate>;

export interface ClinicalDocument extends DocumentCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
