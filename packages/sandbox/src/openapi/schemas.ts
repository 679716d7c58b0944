import * as z from 'zod/mini';
import type { ResourceAdapter } from '../engine/adapter.js';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * Fields a response adds to the stored record beyond `id`, `createdAt` and `updatedAt`: what the
 * adapters' `present` computes (`engine/adapters/patient.ts`, `practitioner.ts`).
 */
const PRESENTED: Readonly<Record<string, { properties: JsonSchema; required: string[] }>> = {
  patients: {
    properties: {
      fullName: { type: 'string', description: 'Given names and family name, joined.' },
      active: { type: 'boolean', description: 'Defaults to `true` when never set.' },
    },
    required: ['fullName', 'active'],
  },
  practitioners: {
    properties: {
      fullName: { type: 'string', description: 'Prefixes, given names, family name, suffixes.' },
      active: { type: 'boolean', description: 'Defaults to `true` when never set.' },
    },
    required: ['fullName', 'active'],
  },
};

const SERVER_MANAGED: JsonSchema = {
  id: {
    type: 'string',
    pattern: '^[A-Za-z0-9\\-_.]{1,128}$',
    readOnly: true,
    description: 'Assigned by the server on create.',
  },
  createdAt: { type: 'string', format: 'date-time', readOnly: true },
  updatedAt: { type: 'string', format: 'date-time', readOnly: true },
};

/**
 * A zod schema of `@clinikapi/core` as JSON Schema 2020-12, without the `$schema` keyword (the
 * document's dialect applies). `io: 'input'` describes request bodies, `'output'` responses.
 * Checks zod cannot express (cross-field refinements such as "end after start") are left out:
 * the sandbox still enforces them (422). Throws when a schema has no JSON Schema form.
 */
export function jsonSchemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'throw',
  }) as JsonSchema;
  return rest;
}

/** Create body, patch body and response record of one resource, from its adapter's core schemas. */
export function resourceSchemas(adapter: ResourceAdapter): {
  create: JsonSchema;
  patch: JsonSchema;
  record: JsonSchema;
} {
  const { path } = adapter.definition;
  const output = jsonSchemaOf(adapter.schemas.create, 'output');
  if (output.type !== 'object' || typeof output.properties !== 'object') {
    throw new TypeError(`The create schema of ${path} is not an object schema`);
  }
  const presented = PRESENTED[path];
  const required = new Set([
    ...((output.required as string[] | undefined) ?? []),
    'id',
    'createdAt',
    'updatedAt',
    ...(presented?.required ?? []),
  ]);
  return {
    create: jsonSchemaOf(adapter.schemas.create, 'input'),
    patch: jsonSchemaOf(adapter.schemas.patch, 'input'),
    record: {
      ...output,
      properties: {
        ...SERVER_MANAGED,
        ...(output.properties as JsonSchema),
        ...presented?.properties,
      },
      required: [...required],
    },
  };
}

/** `care-plan` (a registry `event` name) -> `CarePlan`: the component name of a resource. */
export function componentName(event: string): string {
  return event
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
