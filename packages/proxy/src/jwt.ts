import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { ClinikProxyError } from './errors.js';

export interface JwtAuthOptions<User> {
  /** URL of the identity provider's JWKS (`.../.well-known/jwks.json`). Give this or `secret`. */
  jwksUrl?: string;
  /** Shared secret for HS256 tokens. Give this or `jwksUrl`. */
  secret?: string | Uint8Array;
  /** Expected `iss`. */
  issuer: string;
  /** Expected `aud`. */
  audience: string;
  /** Accepted algorithms. Defaults to `['RS256', 'ES256', 'EdDSA']` with a JWKS, `['HS256']` with a secret. */
  algorithms?: string[];
  /** Allowed clock skew in seconds. Defaults to 30. */
  clockToleranceSeconds?: number;
  /** Builds the app's user from the verified claims. Defaults to the claims themselves. */
  userFromClaims?: (claims: JWTPayload) => User | null;
}

/**
 * An `authenticate` function for bearer-token apps (Auth0, Clerk, Supabase, Cognito...):
 * verifies `Authorization: Bearer <jwt>` and returns the user, or `null` when the token is
 * missing, expired, or not signed by the expected issuer for the expected audience.
 */
export function jwtAuth<User = JWTPayload>(
  options: JwtAuthOptions<User>,
): (req: IncomingMessage | Request) => Promise<User | null> {
  const { jwksUrl, secret, issuer, audience } = options ?? ({} as JwtAuthOptions<User>);
  if ((jwksUrl === undefined) === (secret === undefined)) {
    throw new ClinikProxyError(
      'ERR_CLINIK_JWT_CONFIG',
      'jwtAuth: give exactly one of jwksUrl or secret',
    );
  }
  if (
    typeof issuer !== 'string' ||
    issuer === '' ||
    typeof audience !== 'string' ||
    audience === ''
  ) {
    throw new ClinikProxyError(
      'ERR_CLINIK_JWT_CONFIG',
      'jwtAuth: issuer and audience are required',
    );
  }
  let key: JWTVerifyGetKey | Uint8Array;
  if (jwksUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new ClinikProxyError('ERR_CLINIK_JWT_CONFIG', 'jwtAuth: jwksUrl is not a valid URL');
    }
    key = createRemoteJWKSet(url);
  } else {
    key = typeof secret === 'string' ? new TextEncoder().encode(secret) : (secret as Uint8Array);
    if (key.length < 32) {
      throw new ClinikProxyError(
        'ERR_CLINIK_JWT_CONFIG',
        'jwtAuth: secret must be at least 32 bytes',
      );
    }
  }
  const algorithms = options.algorithms ?? (jwksUrl ? ['RS256', 'ES256', 'EdDSA'] : ['HS256']);
  const verifyOptions = {
    issuer,
    audience,
    algorithms,
    clockTolerance: options.clockToleranceSeconds ?? 30,
  };
  const toUser = options.userFromClaims ?? ((claims: JWTPayload) => claims as User);

  return async function authenticateJwt(req) {
    // node:http/Express requests and Web Requests (fetch mounts) alike.
    const header =
      typeof (req.headers as Headers).get === 'function'
        ? (req.headers as Headers).get('authorization')
        : (req as IncomingMessage).headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(header) : null;
    if (!match?.[1]) return null;
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(match[1], key, verifyOptions)
          : await jwtVerify(match[1], key, verifyOptions);
      return toUser(payload);
    } catch {
      return null;
    }
  };
}
