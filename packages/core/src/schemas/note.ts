import * as z from 'zod/mini';
import { codeSchema, dateTimeSchema, idSchema, shortText } from './common.js';

export const NOTE_STATUSES = ['current', 'superseded', 'entered-in-error'] as const;

const noteFields = z.strictObject({
  status: z.enum(NOTE_STATUSES),
  patientId: idSchema,
  authorId: z.optional(idSchema),
  encounterId: z.optional(idSchema),
  /** e.g. a LOINC note type such as `11506-3` (progress note), or text. */
  type: z.optional(codeSchema),
  title: z.optional(shortText(200)),
  /** Plain-text body of the note. */
  content: z.string().check(z.trim(), z.minLength(1), z.maxLength(100_000)),
  docStatus: z.optional(z.enum(['preliminary', 'final', 'amended'])),
  /** Main date: when the note was written. */
  date: z.optional(dateTimeSchema),
});

export const noteCreateSchema = noteFields;
export const notePatchSchema = z.partial(noteFields);

export type NoteStatus = (typeof NOTE_STATUSES)[number];
export type NoteCreate = z.infer<typeof noteFields>;
export type NotePatch = Partial<NoteCreate>;

export interface Note extends NoteCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
