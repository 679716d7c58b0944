import { getResource, isValidId, PAGING_PARAMS } from '@clinikapi/core';
import type { ProxyRoute } from './types.js';

/** A request target the proxy refuses, with the contract's status and code. */
export interface RouteRejection {
  status: 400 | 404 | 405;
  error: string;
  message: string;
  /** Methods the route accepts (for `Allow` on 405). */
  allow?: readonly string[];
}

export interface ParsedTarget {
  route: ProxyRoute;
  /** Query parameters, one value each, already checked against the route. */
  query: Record<string, string>;
}

/** Route template of a bulk job's status (`GET /v1/bulk/jobs/{id}`). */
export const BULK_JOB_TEMPLATE = '/v1/bulk/jobs/:id';
/** Route template of a completed export's NDJSON (`GET /v1/bulk/jobs/{id}/download`). */
export const BULK_DOWNLOAD_TEMPLATE = '/v1/bulk/jobs/:id/download';

/**
 * The route a bulk export is started on: a download is allowed only to a user `authorize` also
 * allows to start an export (`POST` on this route), whatever it answers for the download itself.
 */
export const BULK_EXPORT_ROUTE: Readonly<ProxyRoute> = Object.freeze({
  kind: 'bulk',
  resource: 'bulk',
  id: undefined,
  template: '/v1/bulk/export',
  path: '/v1/bulk/export',
});

export interface RouteOptions {
  enableFhir: boolean;
  enableBulk: boolean;
  urlLength: number;
}

/** Characters a decoded path segment may hold: the contract's id alphabet (registered names fit it). */
const SEGMENT = /^[A-Za-z0-9\-_.]+$/;
/** Encoded dot, slash, backslash and percent (double encoding): never needed by a valid path. */
const DANGEROUS_ENCODING = /%(2e|2f|5c|25|00)/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const CONTROL = /[\u0000-\u001f\u007f]/;
const FHIR_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const FHIR_QUERY_KEY = /^[A-Za-z0-9_\-:.]{1,64}$/;

const badPath = (message: string): RouteRejection => ({
  status: 400,
  error: 'BAD_REQUEST',
  message,
});
const notFound = (): RouteRejection => ({
  status: 404,
  error: 'NOT_FOUND',
  message: 'No such route',
});

/**
 * Parses and validates the raw request target (path relative to the mount point, plus query)
 * before anything else looks at it. The path is decoded once; the route returned holds the path
 * rebuilt from validated segments, which is what goes upstream.
 */
export function parseTarget(
  rawUrl: string,
  method: string,
  options: RouteOptions,
): ParsedTarget | RouteRejection {
  if (rawUrl.length > options.urlLength) return badPath('Request URL is too long');
  // Absolute-form (`http://host/x`), asterisk-form and network-path (`//host/x`) are refused.
  if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) return badPath('Invalid request path');
  if (CONTROL.test(rawUrl) || rawUrl.includes('#')) return badPath('Invalid request path');

  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);
  if (rawPath.includes('\\') || DANGEROUS_ENCODING.test(rawPath)) {
    return badPath('Invalid request path');
  }

  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return badPath('Invalid request path');
    }
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') {
      return badPath('Invalid request path');
    }
    segments.push(segment);
  }

  const matched = matchRoute(segments, options);
  if ('status' in matched) return matched;
  const { route, methods, queryKeys } = matched;
  if (!methods.includes(method)) {
    return {
      status: 405,
      error: 'METHOD_NOT_ALLOWED',
      message: `${method} is not allowed on this route`,
      allow: methods,
    };
  }

  const query = parseQuery(rawQuery, method === 'GET' ? queryKeys : 'none');
  if (query instanceof Map) return { route, query: Object.fromEntries(query) };
  return query;
}

type QueryKeys = readonly string[] | 'fhir' | 'none';

interface RouteMatch {
  route: ProxyRoute;
  methods: readonly string[];
  queryKeys: QueryKeys;
}

function matchRoute(segments: string[], options: RouteOptions): RouteMatch | RouteRejection {
  const [version, name, third, fourth, fifth, ...rest] = segments;
  if (version !== 'v1' || name === undefined || rest.length > 0) return notFound();
  // Only a bulk export's download has five segments.
  if (fifth !== undefined && !(name === 'bulk' && third === 'jobs' && fifth === 'download')) {
    return notFound();
  }

  const definition = getResource(name);
  if (definition) {
    if (fourth !== undefined) return notFound();
    if (third === undefined) {
      return {
        route: route('resource', name, undefined, `/v1/${name}`, segments),
        methods: ['GET', 'POST'],
        queryKeys: [...definition.searchParams, ...PAGING_PARAMS],
      };
    }
    if (!isValidId(third)) return badPath('Invalid resource id');
    return {
      route: route('resource', name, third, `/v1/${name}/:id`, segments),
      // As the API documents them: audit events and immunization recommendations have no PATCH.
      methods: definition.itemMethods,
      queryKeys: 'none',
    };
  }

  if (name === 'fhir' && options.enableFhir && third !== undefined && FHIR_TYPE.test(third)) {
    if (fourth === undefined) {
      return {
        route: route('fhir', 'fhir', undefined, `/v1/fhir/${third}`, segments),
        methods: ['GET', 'POST'],
        queryKeys: 'fhir',
      };
    }
    if (!isValidId(fourth)) return badPath('Invalid resource id');
    return {
      route: route('fhir', 'fhir', `${third}/${fourth}`, `/v1/fhir/${third}/:id`, segments),
      methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
      queryKeys: 'none',
    };
  }

  if (name === 'bulk' && options.enableBulk) {
    if ((third === 'export' || third === 'import') && fourth === undefined) {
      return {
        route: route('bulk', 'bulk', undefined, `/v1/bulk/${third}`, segments),
        methods: ['POST'],
        queryKeys: 'none',
      };
    }
    if (third === 'jobs' && fourth !== undefined && isValidId(fourth)) {
      return {
        route: route(
          'bulk',
          'bulk',
          fourth,
          fifth ? BULK_DOWNLOAD_TEMPLATE : BULK_JOB_TEMPLATE,
          segments,
        ),
        methods: ['GET'],
        queryKeys: 'none',
      };
    }
  }
  return notFound();
}

function route(
  kind: ProxyRoute['kind'],
  resource: string,
  id: string | undefined,
  template: string,
  segments: string[],
): ProxyRoute {
  return { kind, resource, id, template, path: `/${segments.join('/')}` };
}

function parseQuery(rawQuery: string, allowed: QueryKeys): Map<string, string> | RouteRejection {
  const query = new Map<string, string>();
  if (rawQuery === '') return query;
  if (allowed === 'none') return badPath('This route takes no query parameters');
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const known = allowed === 'fhir' ? FHIR_QUERY_KEY.test(key) : allowed.includes(key);
    // Only names are reported back, and only registered ones: values are never echoed.
    if (!known) return badPath('Unknown query parameter');
    if (query.has(key)) return badPath(`Query parameter ${key} is repeated`);
    if (CONTROL.test(value)) return badPath(`Query parameter ${key} is invalid`);
    query.set(key, value);
  }
  return query;
}
