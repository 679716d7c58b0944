import {
  asArray,
  compact,
  fromConcept,
  idFromRef,
  idsFromRefs,
  isPlainObject,
  notesOf,
  noteText,
  ref,
  refs,
  str,
  strings,
  textConcept,
  textConcepts,
  textOf,
  textsOf,
  toConcept,
} from './fhir-helpers.js';

/**
 * A declarative simplified <-> FHIR mapping: an adapter lists its fields, each naming the
 * simplified field, the FHIR element it becomes and a converter; `toFhir` and `fromFhir` are then
 * derived, the inverse of each other. Used by the resources written from the OpenAPI document
 * (`adapters/documented.ts`); the older adapters convert by hand.
 */

type Plain = Record<string, unknown>;

/** How one value converts: `there` to FHIR, `back` to the simplified shape; `undefined` is "absent". */
export interface Converter {
  there(value: unknown): unknown;
  back(value: unknown): unknown;
}

/** One simplified field (or a few, e.g. `phone` + `email`) and the FHIR element(s) it becomes. */
export interface FieldMapping {
  toFhir(record: Plain, fhir: Plain): void;
  fromFhir(fhir: Plain, record: Plain): void;
}

const defined = (value: unknown) => value !== undefined;
const nonEmptyList = (list: unknown[]) => (list.length > 0 ? list : undefined);
const nonEmptyObject = (object: Plain) => (Object.keys(object).length > 0 ? object : undefined);

/** Values whose simplified and FHIR forms are the same: strings, numbers, `Period`, `Money`, `Address`. */
export const SAME: Converter = { there: (v) => v, back: (v) => v };
/** Text <-> `CodeableConcept` `{ text }`. */
export const TEXT: Converter = { there: textConcept, back: textOf };
/** Texts <-> `CodeableConcept[]`. */
export const TEXTS: Converter = { there: textConcepts, back: textsOf };
/** Text or a `{system, code, display}` coding <-> `CodeableConcept`. */
export const CODED: Converter = { there: toConcept, back: fromConcept };
/** A code <-> `Coding` `{ code }` (DICOM modalities, audit event types). */
export const CODING: Converter = {
  there: (v) => (typeof v === 'string' ? { code: v } : undefined),
  back: (c) => (isPlainObject(c) ? str(c.code) : undefined),
};
/** A note <-> `Annotation[]`. */
export const ANNOTATION: Converter = { there: notesOf, back: noteText };
/** A name <-> a `Reference` that only has a display (no record behind it). */
export const DISPLAY: Converter = {
  there: (v) => (typeof v === 'string' ? { display: v } : undefined),
  back: (r) => (isPlainObject(r) ? str(r.display) : undefined),
};
const LITERAL_REFERENCE = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;
/** `Type/id` <-> a literal `Reference`; any other text <-> a display-only `Reference`. */
export const REFERENCE_TEXT: Converter = {
  there: (v) => {
    if (typeof v !== 'string') return undefined;
    return LITERAL_REFERENCE.test(v) ? { reference: v } : { display: v };
  },
  back: (r) => (isPlainObject(r) ? (str(r.reference) ?? str(r.display)) : undefined),
};

/** An id <-> a `Reference` to `type` (references to other types read back as absent). */
export const refTo = (type: string): Converter => ({
  there: (id) => ref(type, str(id)),
  back: (r) => idFromRef(r, type),
});
/** Ids <-> `Reference[]` to `type`. */
export const refsTo = (type: string): Converter => ({
  there: (ids) => refs(type, ids),
  back: (list) => idsFromRefs(list, type),
});

/** One value <-> a FHIR list of one (`Account.subject`, `CareTeam.participant.role`). */
export const listOf = (item: Converter): Converter => ({
  there: (v) => {
    const converted = item.there(v);
    return converted === undefined ? undefined : [converted];
  },
  back: (list) => item.back(asArray(list)[0]),
});
/** A list <-> a FHIR list, item by item. */
export const eachOf = (item: Converter): Converter => ({
  there: (list) => nonEmptyList(asArray(list).map(item.there).filter(defined)),
  back: (list) => nonEmptyList(asArray(list).map(item.back).filter(defined)),
});
/** A value <-> the `key` of a FHIR object (`dosageText` <-> `{ text }`). */
export const inside = (key: string, item: Converter = SAME): Converter => ({
  there: (v) => {
    const converted = item.there(v);
    return converted === undefined ? undefined : { [key]: converted };
  },
  back: (object) => (isPlainObject(object) ? item.back(object[key]) : undefined),
});
/** A nested object <-> a FHIR backbone element, mapped field by field. */
export const shape = (fields: readonly FieldMapping[]): Converter => ({
  there: (v) => (isPlainObject(v) ? nonEmptyObject(fieldsToFhir(fields, v)) : undefined),
  back: (v) => (isPlainObject(v) ? nonEmptyObject(fieldsFromFhir(fields, v)) : undefined),
});
/** A list of nested objects <-> a list of backbone elements. */
export const shapes = (fields: readonly FieldMapping[]) => eachOf(shape(fields));

/** Simplified `name` <-> FHIR `element` (defaults to the same name), through `converter`. */
export function field(name: string, element = name, converter: Converter = SAME): FieldMapping {
  return {
    toFhir(record, fhir) {
      const value = record[name] === undefined ? undefined : converter.there(record[name]);
      if (value !== undefined) fhir[element] = value;
    },
    fromFhir(fhir, record) {
      const value = fhir[element] === undefined ? undefined : converter.back(fhir[element]);
      if (value !== undefined) record[name] = value;
    },
  };
}

/** Shorthands for the common cases. */
export const same = (name: string, element = name) => field(name, element);
export const text = (name: string, element = name) => field(name, element, TEXT);
export const texts = (name: string, element = name) => field(name, element, TEXTS);
export const coded = (name: string, element = name) => field(name, element, CODED);
export const reference = (name: string, element: string, type: string) =>
  field(name, element, refTo(type));
export const references = (name: string, element: string, type: string) =>
  field(name, element, refsTo(type));
export const note = (name = 'note') => field(name, 'note', ANNOTATION);
/** `patientId` <-> `subject` (or `patient`, `for`, ...) referencing the Patient. */
export const patient = (element = 'subject', name = 'patientId') =>
  reference(name, element, 'Patient');
export const encounter = (element = 'encounter') => reference('encounterId', element, 'Encounter');

/** `performer` `[{ function, actorId }]` <-> `[{ function: CodeableConcept, actor: Practitioner }]`. */
export const performers = field(
  'performer',
  'performer',
  shapes([text('function'), reference('actorId', 'actor', 'Practitioner')]),
);

/** `phone` and `email` <-> `telecom` `ContactPoint[]`. */
export const telecom: FieldMapping = {
  toFhir(record, fhir) {
    const points = [
      typeof record.phone === 'string' ? { system: 'phone', value: record.phone } : undefined,
      typeof record.email === 'string' ? { system: 'email', value: record.email } : undefined,
    ].filter(defined);
    if (points.length > 0) fhir.telecom = points;
  },
  fromFhir(fhir, record) {
    const points = asArray(fhir.telecom).filter(isPlainObject);
    for (const system of ['phone', 'email']) {
      const value = str(points.find((p) => p.system === system)?.value);
      if (value !== undefined) record[system] = value;
    }
  },
};

/** `firstName` and `lastName` <-> a `HumanName` (`list`: FHIR's `name` is a list, e.g. Person). */
export function humanName(list: boolean): FieldMapping {
  return {
    toFhir(record, fhir) {
      const given = typeof record.firstName === 'string' ? [record.firstName] : undefined;
      const name = compact({ family: record.lastName, given });
      if (Object.keys(name).length > 0) fhir.name = list ? [name] : name;
    },
    fromFhir(fhir, record) {
      const name = list ? asArray(fhir.name)[0] : fhir.name;
      if (!isPlainObject(name)) return;
      Object.assign(
        record,
        compact({ firstName: strings(name.given)?.join(' '), lastName: str(name.family) }),
      );
    },
  };
}

/**
 * A string R4 has no element for <-> an extension `{ url, valueString }` (several may share the
 * resource's `extension` list).
 */
export function extension(name: string, url: string): FieldMapping {
  return {
    toFhir(record, fhir) {
      if (typeof record[name] !== 'string') return;
      fhir.extension = [...asArray(fhir.extension), { url, valueString: record[name] }];
    },
    fromFhir(fhir, record) {
      const found = asArray(fhir.extension)
        .filter(isPlainObject)
        .find((e) => e.url === url);
      const value = str(found?.valueString);
      if (value !== undefined) record[name] = value;
    },
  };
}

export function fieldsToFhir(fields: readonly FieldMapping[], record: Plain): Plain {
  const fhir: Plain = {};
  for (const mapping of fields) mapping.toFhir(record, fhir);
  return fhir;
}

export function fieldsFromFhir(fields: readonly FieldMapping[], fhir: Plain): Plain {
  const record: Plain = {};
  for (const mapping of fields) mapping.fromFhir(fhir, record);
  return record;
}

/** The value at a dotted path of a record, e.g. `occurrencePeriod.start`. */
export function valueAt(record: Plain, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) current = isPlainObject(current) ? current[key] : undefined;
  return current;
}

/** The first date present among `paths` (the main date for `dateFrom`, `dateTo` and `sort`). */
export const firstDate =
  (...paths: string[]) =>
  (record: Plain): string | undefined => {
    for (const path of paths) {
      const value = valueAt(record, path);
      if (typeof value === 'string') return value;
    }
    return undefined;
  };

/** `note` where R4 has no note element (Claim, ClaimResponse): an extension. */
export const noteExtension = extension(
  'note',
  'https://clinikapi.com/fhir/StructureDefinition/note',
);
