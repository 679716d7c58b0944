import type { CodeableConcept, Coding, Reference } from './fhir-types.js';

type Plain = Record<string, unknown>;

/** Drops `undefined`, empty arrays and empty objects so FHIR output has no empty elements (R4 forbids them). */
export function compact<T extends Plain>(value: T): T {
  const out: Plain = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    if (Array.isArray(item) && item.length === 0) continue;
    if (isPlainObject(item) && Object.keys(item).length === 0) continue;
    out[key] = item;
  }
  return out as T;
}

export const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const ref = (type: string, id: string | undefined): Reference | undefined =>
  id === undefined ? undefined : { reference: `${type}/${id}` };

/** `Patient/abc` -> `abc` (any type when `type` is omitted). */
export function idFromRef(reference: unknown, type?: string): string | undefined {
  if (!isPlainObject(reference) || typeof reference.reference !== 'string') return undefined;
  const [refType, id, ...rest] = reference.reference.split('/');
  if (rest.length > 0 || !id || (type !== undefined && refType !== type)) return undefined;
  return id;
}

/** A simplified code (text, or a `{system, code, display}` coding) as a CodeableConcept. */
export function toConcept(code: unknown): CodeableConcept | undefined {
  if (code === undefined) return undefined;
  if (typeof code === 'string') return { text: code };
  return { coding: [compact({ ...(code as Coding) })] };
}

/** Inverse of `toConcept`. */
export function fromConcept(concept: unknown): string | Coding | undefined {
  if (!isPlainObject(concept)) return undefined;
  const coding = Array.isArray(concept.coding)
    ? (concept.coding[0] as Coding | undefined)
    : undefined;
  if (coding) return compact({ system: coding.system, code: coding.code, display: coding.display });
  return typeof concept.text === 'string' ? concept.text : undefined;
}

/** Plain text as a CodeableConcept; `textOf` reverses it. */
export const textConcept = (text: unknown): CodeableConcept | undefined =>
  typeof text === 'string' ? { text } : undefined;

export function textOf(concept: unknown): string | undefined {
  if (!isPlainObject(concept)) return undefined;
  if (typeof concept.text === 'string') return concept.text;
  const coding = Array.isArray(concept.coding)
    ? (concept.coding[0] as Coding | undefined)
    : undefined;
  return coding?.display ?? coding?.code;
}

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
export const strings = (value: unknown): string[] | undefined => {
  const list = asArray(value).filter((v): v is string => typeof v === 'string');
  return list.length > 0 ? list : undefined;
};
export const bool = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : undefined;
export const num = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : undefined;

/** A note string as FHIR `Annotation[]`, and back. */
export const notesOf = (text: unknown) => (typeof text === 'string' ? [{ text }] : undefined);
export const noteText = (annotations: unknown): string | undefined =>
  str(asArray(annotations).filter(isPlainObject)[0]?.text);

/** Plain strings as `CodeableConcept[]` with text, and back. */
export const textConcepts = (list: unknown) => strings(list)?.map((text) => ({ text }));
export const textsOf = (concepts: unknown): string[] | undefined => {
  const list = asArray(concepts)
    .map(textOf)
    .filter((t): t is string => t !== undefined);
  return list.length > 0 ? list : undefined;
};

/** A code from a fixed code system as a CodeableConcept, and back. */
export const systemConcept = (system: string, code: unknown) =>
  typeof code === 'string' ? { coding: [{ system, code }] } : undefined;
export const systemCode = (concept: unknown): string | undefined => {
  if (!isPlainObject(concept)) return undefined;
  const coding = asArray(concept.coding).filter(isPlainObject)[0];
  return str(coding?.code);
};

export const refs = (type: string, ids: unknown) =>
  strings(ids)?.map((id) => ({ reference: `${type}/${id}` }));
export const idsFromRefs = (list: unknown, type: string): string[] | undefined => {
  const ids = asArray(list)
    .map((r) => idFromRef(r, type))
    .filter((id): id is string => id !== undefined);
  return ids.length > 0 ? ids : undefined;
};

/** Copies a plain object's defined fields (quantities, periods). */
export const plain = (value: unknown) => (isPlainObject(value) ? compact({ ...value }) : undefined);
