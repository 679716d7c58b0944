import type { ListPage, ResourcePath } from '@clinikapi/core';
import type { InfiniteData, Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { matchesSearch, searchOrder } from './searchMatch.js';

type Row = Record<string, unknown> & { id: string };

/** A write of this client that search may not reflect yet. */
type OwnWrite =
  | { kind: 'upsert'; record: Row; at: number }
  | { kind: 'delete'; at: number }
  /** Fields the API changed as a side effect (a booked slot turns busy); applied to rows shown. */
  | { kind: 'patch'; fields: Record<string, unknown>; at: number };

interface Store {
  ttlMs: number;
  writes: Map<ResourcePath, Map<string, OwnWrite>>;
}

const stores = new WeakMap<QueryClient, Store>();

/** How long own writes are merged into lists by default: the hosted API's search lags ~10 s. */
export const DEFAULT_READ_YOUR_WRITES_MS = 30_000;

/**
 * Read your own writes while search lags. The hosted API's search is eventually consistent
 * (commonly ~10 s; contract: "Search is eventually consistent upstream"); reads by id are not.
 * For `ttlMs` after a create, update or delete made through this QueryClient, every cached list
 * of that resource (pages, infinite lists, ranges) shows the record as written, in its sorted
 * place when it matches the list's filters, or without it once deleted — also after a refetch or
 * a live update that returns the older search result. Lists are also de-duplicated by id, since
 * the hosted API's cursor may be an offset. Returns the uninstall function.
 */
export function installReadYourWrites(
  queryClient: QueryClient,
  ttlMs: number = DEFAULT_READ_YOUR_WRITES_MS,
): () => void {
  const store: Store = stores.get(queryClient) ?? { ttlMs, writes: new Map() };
  store.ttlMs = ttlMs;
  stores.set(queryClient, store);
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    reconcile(queryClient, store, event.query);
  });
  return () => {
    unsubscribe();
    if (stores.get(queryClient) === store) stores.delete(queryClient);
  };
}

/** Records a write of this client and shows it in every cached list of the resource at once. */
export function noteOwnWrite(
  queryClient: QueryClient,
  path: ResourcePath,
  id: string,
  write: { record: object } | { deleted: true } | { fields: Record<string, unknown> },
): void {
  const store = stores.get(queryClient);
  if (!store) return;
  const at = Date.now();
  const own: OwnWrite =
    'record' in write
      ? { kind: 'upsert', record: write.record as Row, at }
      : 'deleted' in write
        ? { kind: 'delete', at }
        : { kind: 'patch', fields: write.fields, at };
  let forPath = store.writes.get(path);
  if (!forPath) {
    forPath = new Map();
    store.writes.set(path, forPath);
  }
  const previous = forPath.get(id);
  forPath.set(
    id,
    own.kind === 'patch' && previous?.kind === 'patch'
      ? { ...own, fields: { ...previous.fields, ...own.fields } }
      : own,
  );
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['clinik', path, 'list'] })) {
    reconcile(queryClient, store, query);
  }
}

/** Forgets an own write, e.g. when a live notice says someone else deleted the record. */
export function forgetOwnWrite(queryClient: QueryClient, path: ResourcePath, id: string): void {
  stores.get(queryClient)?.writes.get(path)?.delete(id);
}

function liveWrites(store: Store, path: ResourcePath): Map<string, OwnWrite> | undefined {
  const forPath = store.writes.get(path);
  if (!forPath) return undefined;
  const oldest = Date.now() - store.ttlMs;
  for (const [id, write] of forPath) if (write.at < oldest) forPath.delete(id);
  return forPath.size > 0 ? forPath : undefined;
}

interface ListKey {
  path: ResourcePath;
  shape: 'page' | 'infinite' | 'range';
  params: Record<string, unknown>;
}

function parseKey(key: QueryKey): ListKey | undefined {
  const [root, path, list, shape, params] = key as unknown[];
  if (root !== 'clinik' || list !== 'list' || typeof path !== 'string') return undefined;
  if (shape !== 'page' && shape !== 'infinite' && shape !== 'range') return undefined;
  return {
    path: path as ResourcePath,
    shape,
    params: (params ?? {}) as Record<string, unknown>,
  };
}

function reconcile(queryClient: QueryClient, store: Store, query: Query): void {
  const key = parseKey(query.queryKey);
  const data = query.state.data;
  if (!key || data === undefined) return;
  const writes = liveWrites(store, key.path);
  const next =
    key.shape === 'infinite'
      ? mergeInfinite(key, data as InfiniteData<ListPage<Row>>, writes)
      : mergePage(key, data as ListPage<Row>, writes, {
          first: key.shape === 'range' || !key.params.cursor,
          seen: new Set(),
        });
  // Only a real change is written back, so this listener's own update ends the loop.
  if (next !== data) queryClient.setQueryData(query.queryKey, next);
}

function mergeInfinite(
  key: ListKey,
  data: InfiniteData<ListPage<Row>>,
  writes: Map<string, OwnWrite> | undefined,
): InfiniteData<ListPage<Row>> {
  const seen = new Set<string>();
  let changed = false;
  const pages = data.pages.map((page, index) => {
    const merged = mergePage(key, page, writes, { first: index === 0, seen });
    if (merged !== page) changed = true;
    return merged;
  });
  return changed ? { ...data, pages } : data;
}

/**
 * One page with own writes applied: rows of ids seen on an earlier page dropped, deleted rows
 * dropped, rows replaced by a newer own copy (or dropped when it no longer matches), and own
 * records missing from the page inserted in sorted place when they fall inside it.
 */
function mergePage(
  key: ListKey,
  page: ListPage<Row>,
  writes: Map<string, OwnWrite> | undefined,
  context: { first: boolean; seen: Set<string> },
): ListPage<Row> {
  let changed = false;
  let total = page.total;
  const rows: Row[] = [];
  for (const row of page.data) {
    if (context.seen.has(row.id)) {
      changed = true;
      continue;
    }
    context.seen.add(row.id);
    const own = writes?.get(row.id);
    if (!own) {
      rows.push(row);
    } else if (own.kind === 'delete') {
      changed = true;
      total -= 1;
    } else if (own.kind === 'patch') {
      const patched = { ...row, ...own.fields };
      const differs = Object.keys(own.fields).some((field) => row[field] !== own.fields[field]);
      rows.push(differs ? patched : row);
      if (differs) changed = true;
    } else if (Date.parse(String(row.updatedAt)) >= Date.parse(String(own.record.updatedAt))) {
      rows.push(row); // the server has caught up, or someone else wrote after us
    } else if (matchesSearch(key.path, own.record, key.params) === false) {
      changed = true;
      total -= 1;
    } else {
      rows.push(own.record);
      changed = true;
    }
  }
  const order = searchOrder(key.path, key.params);
  for (const [id, own] of writes ?? []) {
    if (own.kind !== 'upsert' || context.seen.has(id) || !order) continue;
    if (matchesSearch(key.path, own.record, key.params) !== true) continue;
    let position = rows.findIndex((row) => order(own.record, row) < 0);
    if (position === -1) position = rows.length;
    // Outside this page's window: it belongs to an earlier or a later page.
    if (position === 0 && !context.first && rows.length > 0) continue;
    if (position === rows.length && page.hasMore) continue;
    rows.splice(position, 0, own.record);
    context.seen.add(id);
    total += 1;
    changed = true;
  }
  return changed ? { ...page, data: rows, total: Math.max(total, rows.length) } : page;
}
