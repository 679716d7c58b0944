import { z } from 'zod';
import { codeSchema, dateTimeSchema, idSchema, shortText } from './common.js';

export const DOCUMENT_STATUSES = ['preliminary', 'final', 'amended', 'entered-in-error'] as const;

const sectionSchema = z.strictObject({
  title: shortText(200).optional(),
  /** Plain text of the section. */
  text: z.string().trim().min(1).max(50_000),
});

const documentFields = z.strictObject({
  status: z.enum(DOCUMENT_STATUSES),
  /** Kind of document, e.g. LOINC `34133-9` (summary of episode note), or text. */
  type: codeSchema,
  title: shortText(200),
  patientId: idSchema,
  authorId: idSchema.optional(),
  encounterId: idSchema.optional(),
  /** Main date: when the document was last edited. */
  date: dateTimeSchema,
  sections: z.array(sectionSchema).max(50).optional(),
});

export const documentCreateSchema = documentFields;
export const documentPatchSchema = documentFields.partial();

export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export type DocumentCreate = z.infer<typeof documentFields>;
export type DocumentPatch = Partial<DocumentCreate>;

export interface ClinicalDocument extends DocumentCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
