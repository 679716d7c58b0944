import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinikProxyError } from './errors.js';
import { jwtAuth } from './jwt.js';
import { startUpstream, TEST_KEY } from './test/fake-upstream.js';
import { send, serve, until } from './test/http.js';
import { startProxy } from './test/setup-proxy.js';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let keys: KeyPair;
let otherKeys: KeyPair;
let jwks: Awaited<ReturnType<typeof serve>>;

const issuer = 'https://auth.test';
const audience = 'clinik-demo';

beforeAll(async () => {
  keys = await generateKeyPair('ES256');
  otherKeys = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  jwks = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
});
afterAll(() => jwks.close());

const token = (claims: Record<string, unknown> = {}, key = keys.privateKey, expires = '5m') =>
  new SignJWT({ role: 'staff', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(String(claims.iss ?? issuer))
    .setAudience(String(claims.aud ?? audience))
    .setSubject('user_1')
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(key);

const request = (authorization?: string) =>
  ({ headers: authorization ? { authorization } : {} }) as import('node:http').IncomingMessage;

describe('jwtAuth with a JWKS', () => {
  it('reads the bearer token of a Web Request too (fetch mounts)', async () => {
    const authenticate = jwtAuth({ jwksUrl: `${jwks.url}/jwks.json`, issuer, audience });
    const web = (authorization?: string) =>
      new Request('http://app.test/api/clinik/v1/patients', {
        headers: authorization ? { authorization } : {},
      });
    expect(await authenticate(web(`Bearer ${await token()}`))).toMatchObject({ sub: 'user_1' });
    expect(await authenticate(web())).toBeNull();
    expect(await authenticate(web(`Bearer ${await token({}, otherKeys.privateKey)}`))).toBeNull();
  });

  it('returns the claims of a valid bearer token', async () => {
    const authenticate = jwtAuth({
      jwksUrl: `${jwks.url}/.well-known/jwks.json`,
      issuer,
      audience,
    });
    const user = await authenticate(request(`Bearer ${await token()}`));
    expect(user).toMatchObject({ sub: 'user_1', role: 'staff' });
  });

  it('returns null for missing, malformed, foreign, expired or mis-addressed tokens', async () => {
    const authenticate = jwtAuth({ jwksUrl: `${jwks.url}/jwks.json`, issuer, audience });
    expect(await authenticate(request())).toBeNull();
    expect(await authenticate(request('Basic abc'))).toBeNull();
    expect(await authenticate(request('Bearer not.a.jwt'))).toBeNull();
    expect(
      await authenticate(request(`Bearer ${await token({}, otherKeys.privateKey)}`)),
    ).toBeNull();
    expect(
      await authenticate(request(`Bearer ${await token({}, keys.privateKey, '-2h')}`)),
    ).toBeNull();
    expect(await authenticate(request(`Bearer ${await token({ aud: 'other-app' })}`))).toBeNull();
    expect(
      await authenticate(request(`Bearer ${await token({ iss: 'https://evil' })}`)),
    ).toBeNull();
  });

  it('maps claims to the app user', async () => {
    const authenticate = jwtAuth({
      jwksUrl: `${jwks.url}/jwks.json`,
      issuer,
      audience,
      userFromClaims: (claims) => ({ id: String(claims.sub), patientId: 'pat_a' }),
    });
    expect(await authenticate(request(`Bearer ${await token()}`))).toEqual({
      id: 'user_1',
      patientId: 'pat_a',
    });
  });
});

describe('jwtAuth with a secret', () => {
  const secret = 'a-very-long-shared-secret-of-32-bytes!!';

  it('verifies HS256 tokens and refuses alg confusion', async () => {
    const authenticate = jwtAuth({ secret, issuer, audience });
    const hs = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('u2')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    expect(await authenticate(request(`Bearer ${hs}`))).toMatchObject({ sub: 'u2' });
    expect(await authenticate(request(`Bearer ${await token()}`))).toBeNull();
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ iss: issuer, aud: audience, sub: 'x' }),
    ).toString('base64url')}.`;
    expect(await authenticate(request(`Bearer ${unsigned}`))).toBeNull();
  });

  it('throws ClinikProxyError at creation for bad configuration, without the secret', () => {
    expect(() => jwtAuth({ issuer, audience })).toThrow(ClinikProxyError);
    expect(() => jwtAuth({ secret, jwksUrl: 'https://x', issuer, audience })).toThrow(
      ClinikProxyError,
    );
    expect(() => jwtAuth({ secret: 'short-secret', issuer, audience })).toThrow(/32 bytes/);
    expect(() => jwtAuth({ secret, issuer: '', audience })).toThrow(ClinikProxyError);
    try {
      jwtAuth({ secret: 'short-secret', issuer, audience });
    } catch (error) {
      expect(String(error)).not.toContain('short-secret');
    }
  });
});

describe('jwtAuth as the proxy authenticate', () => {
  it('lets a bearer user through and never forwards the token', async () => {
    const upstream = await startUpstream();
    const proxy = await startProxy(upstream.url, {
      authenticate: jwtAuth({
        jwksUrl: `${jwks.url}/jwks.json`,
        issuer,
        audience,
        userFromClaims: (claims) => ({ id: String(claims.sub) }),
      }),
    });
    try {
      const bearer = `Bearer ${await token()}`;
      const ok = await send(proxy.url, '/api/clinik/v1/patients', {
        headers: { authorization: bearer },
      });
      expect(ok.status).toBe(200);
      expect(upstream.seen[0]?.headers.authorization).toBeUndefined();
      expect(upstream.seen[0]?.headers['x-api-key']).toBe(TEST_KEY);
      const expired = await send(proxy.url, '/api/clinik/v1/patients', {
        headers: { authorization: `Bearer ${await token({}, keys.privateKey, '-2h')}` },
      });
      expect(expired.status).toBe(401);
      await until(() => proxy.audit.events.length === 2);
      expect(proxy.audit.events[0]?.userId).toBe('user_1');
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });
});
