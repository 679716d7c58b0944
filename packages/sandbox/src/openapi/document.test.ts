import { createRequire } from 'node:module';
import { RESOURCES } from '@clinikapi/core';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';
import type { OpenApiDocument } from './document.js';

// Postman's own OpenAPI importer (what "Import" in the Postman app runs), CommonJS only.
const Converter = createRequire(import.meta.url)('openapi-to-postmanv2') as {
  convert(
    input: { type: 'json'; data: unknown },
    options: Record<string, unknown>,
    done: (error: unknown, result: PostmanResult) => void,
  ): void;
};
interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: { method: string; url: { path: string[] } };
}
interface PostmanResult {
  result: boolean;
  reason?: string;
  output?: { type: string; data: { item: PostmanItem[]; auth: unknown; variable: unknown[] } }[];
}

let t: TestSandbox;
let doc: OpenApiDocument;
let port: number;
beforeAll(async () => {
  t = await startTestSandbox();
  port = Number(new URL(t.url).port);
  const res = await t.request('GET', '/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  doc = res.body;
});
afterAll(() => t.close());

describe('GET /openapi.json', () => {
  it('needs no key and names this server with its listening port', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([
      expect.objectContaining({
        url: 'http://{host}:{port}',
        variables: { host: { default: '127.0.0.1' }, port: { default: String(port) } },
      }),
    ]);
  });

  it('is a valid OpenAPI 3.1 document, and the validator refuses a broken one', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);

    const broken = structuredClone(doc) as OpenApiDocument;
    (broken.paths['/v1/patients'] as { get: Record<string, unknown> }).get.responses = 'none';
    expect((await validate(broken as never)).valid).toBe(false);
  }, 180_000);

  it('declares the x-api-key header scheme for every route but /health, /v1/metadata and itself', () => {
    expect(doc.components.securitySchemes).toEqual({
      ApiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-api-key' }),
    });
    expect(doc.security).toEqual([{ ApiKey: [] }]);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const security = (op as { security?: unknown[] }).security;
        const open = ['/health', '/v1/metadata', '/openapi.json'].includes(path);
        expect(security, `${method} ${path}`).toEqual(open ? [] : undefined);
      }
    }
  });

  it('documents every registered resource with its search parameters and item methods', () => {
    for (const r of RESOURCES) {
      const collection = doc.paths[`/v1/${r.path}`] as Record<
        string,
        { parameters?: ({ name?: string } | { $ref: string })[] }
      >;
      expect(Object.keys(collection).sort(), r.path).toEqual(['get', 'post']);
      const params = (collection.get?.parameters ?? []).map((p) =>
        'name' in p ? p.name : (p as { $ref: string }).$ref,
      );
      expect(params, r.path).toEqual([
        ...r.searchParams,
        '#/components/parameters/Count',
        '#/components/parameters/Cursor',
      ]);
      const item = doc.paths[`/v1/${r.path}/{id}`] ?? {};
      const methods = Object.keys(item).filter((m) => m !== 'parameters');
      expect(methods.sort(), r.path).toEqual(r.itemMethods.map((m) => m.toLowerCase()).sort());
    }
  });

  it('gives PATCH and DELETE an If-Match header and single records an ETag', () => {
    const item = doc.paths['/v1/appointments/{id}'] as Record<string, Record<string, unknown>>;
    for (const method of ['patch', 'delete']) {
      expect(item[method]?.parameters).toContainEqual({
        $ref: '#/components/parameters/IfMatch',
      });
      expect(item[method]?.responses).toHaveProperty('412');
    }
    const read = item.get?.responses as Record<string, { headers: Record<string, unknown> }>;
    expect(read['200']?.headers.ETag).toEqual({ $ref: '#/components/headers/ETag' });
  });

  it('imports into Postman: one folder per tag, the key header from a variable', async () => {
    const result = await new Promise<PostmanResult>((resolve, reject) =>
      Converter.convert(
        { type: 'json', data: structuredClone(doc) },
        { folderStrategy: 'Tags', parametersResolution: 'Schema' },
        (error, converted) => (error ? reject(error) : resolve(converted)),
      ),
    );
    expect(result.reason).toBeUndefined();
    expect(result.result).toBe(true);
    const collection = result.output?.[0]?.data;
    expect(collection?.auth).toEqual({
      type: 'apikey',
      apikey: expect.arrayContaining([
        { key: 'key', value: 'x-api-key' },
        { key: 'in', value: 'header' },
      ]),
    });
    const folders = new Map(collection?.item.map((folder) => [folder.name, folder]));
    for (const r of RESOURCES) expect(folders.has(r.path), r.path).toBe(true);
    const patients = folders.get('patients')?.item ?? [];
    expect(patients.map((i) => i.request?.method).sort()).toEqual([
      'DELETE',
      'GET',
      'GET',
      'PATCH',
      'POST',
    ]);
  }, 180_000);
});
