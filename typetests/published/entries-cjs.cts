// The CommonJS declarations (dist/*.d.cts), as `require` resolves them.
import type core = require('@clinikapi/core');
import type coreClient = require('@clinikapi/core/client');
import type coreSchemas = require('@clinikapi/core/schemas');
import type proxy = require('@clinikapi/proxy');
import type proxyRedis = require('@clinikapi/proxy/redis');
import type react = require('@clinikapi/react');
import type reactServer = require('@clinikapi/react/server');
import type sandbox = require('@clinikapi/sandbox');

export type Entries = [
  typeof core,
  typeof coreClient,
  typeof coreSchemas,
  typeof proxy,
  typeof proxyRedis,
  typeof react,
  typeof reactServer,
  typeof sandbox,
];
