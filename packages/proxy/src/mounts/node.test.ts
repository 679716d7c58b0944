import { describe, expect, it } from 'vitest';
import { ClinikProxyError } from '../errors.js';
import { staff } from '../policies/policies.js';
import { memoryLogger, send, serve } from '../test/http.js';
import { mountAuth } from '../test/mounts.js';
import { clinikProxy } from './node.js';

describe('clinikProxy (node mount) option checks', () => {
  const options = {
    target: 'https://api.clinikapi.com',
    apiKey: process.env.CLINIK_UNSET_KEY_FOR_TEST,
    authenticate: mountAuth,
    authorize: staff(),
  };

  it('throws at creation by default', () => {
    expect(() => clinikProxy(options)).toThrow(ClinikProxyError);
  });

  it("with validate: 'on-first-request', answers 500 and logs the code instead", async () => {
    const log = memoryLogger();
    const proxy = clinikProxy({ ...options, validate: 'on-first-request', logger: log.logger });
    const server = await serve((req, res) => proxy(req, res));
    try {
      const res = await send(server.url, '/v1/patients', { headers: { 'x-test-user': 'u1' } });
      expect(res.status).toBe(500);
      expect(res.json()).toMatchObject({ error: 'INTERNAL_ERROR', code: '500' });
      expect(log.lines).toEqual([
        expect.objectContaining({
          msg: 'clinik-proxy configuration error',
          code: 'ERR_CLINIK_MISSING_OPTION',
        }),
      ]);
    } finally {
      await server.close();
      await proxy.close();
    }
  });
});
