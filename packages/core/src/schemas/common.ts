import { z } from 'zod';
import { ID_PATTERN } from '../ids.js';

/** A reference to another resource by id (the contract's id pattern). */
export const idSchema = z.string().regex(ID_PATTERN, { error: 'must be a valid id' });

/** Calendar date, `YYYY-MM-DD`, validated as a real date. */
export const dateSchema = z.iso.date({ error: 'must be a date in YYYY-MM-DD form' });

/** Instant with an explicit offset or `Z`, e.g. `2026-03-08T09:30:00-04:00`. */
export const dateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a time zone offset',
});

export const genderSchema = z.enum(['male', 'female', 'other', 'unknown']);

export const emailSchema = z.email({ error: 'must be a valid email address' }).max(254);
export const phoneSchema = z.string().trim().min(1).max(20);

/** A short free-text field. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);

export const addressSchema = z.strictObject({
  line: z.array(z.string().max(200)).max(4).optional(),
  city: z.string().max(100).optional(),
  state: z.string().max(100).optional(),
  postalCode: z.string().max(20).optional(),
  country: z.string().max(100).optional(),
});

export const photoSchema = z
  .strictObject({
    url: z.url({ error: 'must be a valid URL' }).max(2048).optional(),
    /** base64 data; kept under the 1 MB body cap */
    data: z.base64({ error: 'must be base64' }).max(700_000).optional(),
    contentType: z.string().max(100).optional(),
  })
  .refine((photo) => photo.url !== undefined || photo.data !== undefined, {
    error: 'needs a url or data',
  });

export const periodSchema = z
  .strictObject({ start: dateTimeSchema.optional(), end: dateTimeSchema.optional() })
  .refine((p) => !p.start || !p.end || Date.parse(p.end) >= Date.parse(p.start), {
    error: 'must not be before start',
    path: ['end'],
  });

/** A date-only period (qualifications, planning horizons may be dates or date-times). */
export const looseDateSchema = z.union([dateSchema, dateTimeSchema], {
  error: 'must be a date or an ISO 8601 date-time with offset',
});

export const languageSchema = z.strictObject({
  language: shortText(50),
  preferred: z.boolean().optional(),
});

export const codingSchema = z.strictObject({
  system: z.string().max(500).optional(),
  code: z.string().max(200).optional(),
  display: z.string().max(500).optional(),
});

/** A code given as plain text or as a `{system, code, display}` coding. */
export const codeSchema = z.union([shortText(500), codingSchema], {
  error: 'must be text or a {system, code, display} coding',
});

export const quantitySchema = z.strictObject({
  value: z.number().finite(),
  unit: z.string().max(50).optional(),
  system: z.string().max(500).optional(),
  code: z.string().max(50).optional(),
});

/** Adds the server-managed fields every stored record carries. */
export const recordFields = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
