import { z } from 'zod';
import { codeSchema, dateTimeSchema, idSchema, shortText } from './common.js';

export const NOTE_STATUSES = ['current', 'superseded', 'entered-in-error'] as const;

const noteFields = z.strictObject({
  status: z.enum(NOTE_STATUSES),
  patientId: idSchema,
  authorId: idSchema.optional(),
  encounterId: idSchema.optional(),
  /** e.g. a LOINC note type such as `11506-3` (progress note), or text. */
  type: codeSchema.optional(),
  title: shortText(200).optional(),
  /** Plain-text body of the note. */
  content: z.string().trim().min(1).max(100_000),
  docStatus: z.enum(['preliminary', 'final', 'amended']).optional(),
  /** Main date: when the note was written. */
  date: dateTimeSchema.optional(),
});

export const noteCreateSchema = noteFields;
export const notePatchSchema = noteFields.partial();

export type NoteStatus = (typeof NOTE_STATUSES)[number];
export type NoteCreate = z.infer<typeof noteFields>;
export type NotePatch = Partial<NoteCreate>;

export interface Note extends NoteCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
