import * as z from 'zod/mini';
import { dateTimeSchema, shortText } from './common.js';
import { longText, referenceText, type Stored, texts } from './kit.js';

/** FHIR AuditEventAction: Create, Read, Update, Delete, Execute (a required binding). */
export const AUDIT_ACTIONS = ['C', 'R', 'U', 'D', 'E'] as const;
/** FHIR AuditEventOutcome: success, minor, serious, major failure (a required binding). */
export const AUDIT_OUTCOMES = ['0', '4', '8', '12'] as const;

const agentSchema = z.strictObject({
  /** `Practitioner/<id>` (or a name). */
  who: referenceText(500),
  name: z.optional(shortText(500)),
  requestor: z.boolean(),
  role: z.optional(shortText(200)),
  networkAddress: z.optional(shortText(500)),
});

const entitySchema = z.strictObject({
  /** `Patient/<id>` (or a name). */
  what: z.optional(referenceText(500)),
  type: z.optional(shortText(200)),
  role: z.optional(shortText(200)),
  name: z.optional(shortText(500)),
  description: z.optional(longText(2000)),
});

/**
 * `AuditEventCreate` of the OpenAPI document (FHIR `AuditEvent`). Audit events are immutable: the
 * API has no PATCH for them (the registry's `itemMethods`).
 */
const auditEventFields = z.strictObject({
  /** Event type code, e.g. `rest`, `login`, `export`. */
  type: shortText(200),
  subtype: z.optional(texts(10)),
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  /** Main date: an instant. */
  recorded: dateTimeSchema,
  outcome: z.optional(z.enum(AUDIT_OUTCOMES)),
  outcomeDesc: z.optional(longText(2000)),
  purposeOfEvent: z.optional(texts(10)),
  agent: z.array(agentSchema).check(z.minLength(1), z.maxLength(20)),
  source: z.strictObject({
    /** `Device/<id>` (or a name) of the system that saw the event. */
    observer: referenceText(500),
    site: z.optional(shortText(500)),
    type: z.optional(shortText(200)),
  }),
  entity: z.optional(z.array(entitySchema).check(z.maxLength(20))),
});

export const auditEventCreateSchema = auditEventFields;
/** For `RESOURCE_SCHEMAS`' uniform shape only: the API has no PATCH for audit events. */
export const auditEventPatchSchema = z.partial(auditEventFields);

export type AuditEventCreate = z.infer<typeof auditEventFields>;
export type AuditEventPatch = Partial<AuditEventCreate>;
export type AuditEvent = Stored<AuditEventCreate>;
