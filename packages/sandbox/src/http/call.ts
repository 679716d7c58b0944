import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyIdentity } from '../auth/keys.js';
import type { TenantScope } from '../engine/write-context.js';
import type { RequestContext } from './context.js';

/** An authenticated, rate-limited request on its way to a route. */
export interface ApiCall {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly ctx: RequestContext;
  readonly method: string;
  readonly identity: KeyIdentity;
  readonly scope: TenantScope;
  /** Decoded path segments after `/v1/<group>`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

/** A family of routes under `/v1/<prefix>/...` (e.g. `fhir`, `bulk`). */
export interface RouteGroup {
  readonly prefix: string;
  handle(call: ApiCall): Promise<void>;
}
