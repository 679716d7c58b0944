import { HttpError, issue } from '../http/http-error.js';

/** One RFC 6902 operation. */
interface Operation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

type Container = Record<string, unknown> | unknown[];

const invalid = (message: string) =>
  new HttpError(422, 'VALIDATION_ERROR', 'JSON Patch could not be applied', [
    issue('value', message),
  ]);

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw invalid('path must start with /');
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, tokens: string[]): { parent: Container; key: string } {
  let current = doc;
  for (const token of tokens.slice(0, -1)) {
    if (typeof current !== 'object' || current === null) throw invalid('path does not exist');
    current = (current as Record<string, unknown>)[token];
  }
  if (typeof current !== 'object' || current === null) throw invalid('path does not exist');
  const key = tokens.at(-1);
  if (key === undefined) throw invalid('cannot operate on the document root');
  return { parent: current as Container, key };
}

function getAt(doc: unknown, tokens: string[]): unknown {
  let current = doc;
  for (const token of tokens) {
    if (typeof current !== 'object' || current === null || !(token in current)) {
      throw invalid('path does not exist');
    }
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

function add(doc: unknown, tokens: string[], value: unknown) {
  const { parent, key } = parentOf(doc, tokens);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length)
      throw invalid('bad array index');
    parent.splice(index, 0, value);
  } else parent[key] = value;
}

function remove(doc: unknown, tokens: string[]): unknown {
  const value = getAt(doc, tokens);
  const { parent, key } = parentOf(doc, tokens);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return value;
}

/** Applies an RFC 6902 patch to a copy of `document`. */
export function applyJsonPatch<T>(document: T, patch: unknown): T {
  if (!Array.isArray(patch)) throw invalid('body must be a JSON Patch array');
  const doc = structuredClone(document);
  for (const raw of patch as Operation[]) {
    if (typeof raw !== 'object' || raw === null || typeof raw.path !== 'string') {
      throw invalid('each operation needs op and path');
    }
    const tokens = pointer(raw.path);
    switch (raw.op) {
      case 'add':
        add(doc, tokens, structuredClone(raw.value));
        break;
      case 'remove':
        remove(doc, tokens);
        break;
      case 'replace':
        remove(doc, tokens);
        add(doc, tokens, structuredClone(raw.value));
        break;
      case 'move':
        add(doc, tokens, remove(doc, pointer(String(raw.from))));
        break;
      case 'copy':
        add(doc, tokens, structuredClone(getAt(doc, pointer(String(raw.from)))));
        break;
      case 'test':
        if (JSON.stringify(getAt(doc, tokens)) !== JSON.stringify(raw.value)) {
          throw invalid('test operation failed');
        }
        break;
      default:
        throw invalid('op must be add, remove, replace, move, copy or test');
    }
  }
  return doc;
}
