import * as z from 'zod/mini';
import { ID_PATTERN } from '../ids.js';

// Each schema is built in a `/* @__PURE__ */` call so a bundler can drop the ones a page does not
// use: zod/mini's `.check()` is a method call it cannot prove free of side effects, so without the
// annotation every schema here lands in every validation chunk (the patient form's carried the
// period, coding and quantity schemas: 0.35 kB gzip).

/** A reference to another resource by id (the contract's id pattern). */
export const idSchema = /* @__PURE__ */ (() =>
  z.string().check(z.regex(ID_PATTERN, { error: 'must be a valid id' })))();

/** Calendar date, `YYYY-MM-DD`, validated as a real date. */
export const dateSchema = /* @__PURE__ */ (() =>
  z.iso.date({ error: 'must be a date in YYYY-MM-DD form' }))();

/** Instant with an explicit offset or `Z`, e.g. `2026-03-08T09:30:00-04:00`. */
export const dateTimeSchema = /* @__PURE__ */ (() =>
  z.iso.datetime({
    offset: true,
    error: 'must be an ISO 8601 date-time with a time zone offset',
  }))();

export const genderSchema = /* @__PURE__ */ (() =>
  z.enum(['male', 'female', 'other', 'unknown']))();

export const emailSchema = /* @__PURE__ */ (() =>
  z.email({ error: 'must be a valid email address' }).check(z.maxLength(254)))();
export const phoneSchema = /* @__PURE__ */ (() =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(20)))();

/** A short free-text field. */
export const shortText = (max = 200) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const addressSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    line: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(4))),
    city: z.optional(z.string().check(z.maxLength(100))),
    state: z.optional(z.string().check(z.maxLength(100))),
    postalCode: z.optional(z.string().check(z.maxLength(20))),
    country: z.optional(z.string().check(z.maxLength(100))),
  }))();

export const photoSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      url: z.optional(z.url({ error: 'must be a valid URL' }).check(z.maxLength(2048))),
      /** base64 data; kept under the 1 MB body cap */
      data: z.optional(z.base64({ error: 'must be base64' }).check(z.maxLength(700_000))),
      contentType: z.optional(z.string().check(z.maxLength(100))),
    })
    .check(
      z.refine((photo) => photo.url !== undefined || photo.data !== undefined, {
        error: 'needs a url or data',
      }),
    ))();

export const periodSchema = /* @__PURE__ */ (() =>
  z.strictObject({ start: z.optional(dateTimeSchema), end: z.optional(dateTimeSchema) }).check(
    z.refine((p) => !p.start || !p.end || Date.parse(p.end) >= Date.parse(p.start), {
      error: 'must not be before start',
      path: ['end'],
    }),
  ))();

/** A date-only period (qualifications, planning horizons may be dates or date-times). */
export const looseDateSchema = /* @__PURE__ */ (() =>
  z.union([dateSchema, dateTimeSchema], {
    error: 'must be a date or an ISO 8601 date-time with offset',
  }))();

export const languageSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    language: shortText(50),
    preferred: z.optional(z.boolean()),
  }))();

export const codingSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    system: z.optional(z.string().check(z.maxLength(500))),
    code: z.optional(z.string().check(z.maxLength(200))),
    display: z.optional(z.string().check(z.maxLength(500))),
  }))();

/** A code given as plain text or as a `{system, code, display}` coding. */
export const codeSchema = /* @__PURE__ */ (() =>
  z.union([shortText(500), codingSchema], {
    error: 'must be text or a {system, code, display} coding',
  }))();

export const quantitySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    value: z.number(),
    unit: z.optional(z.string().check(z.maxLength(50))),
    system: z.optional(z.string().check(z.maxLength(500))),
    code: z.optional(z.string().check(z.maxLength(50))),
  }))();

/** Adds the server-managed fields every stored record carries. */
export const recordFields = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
