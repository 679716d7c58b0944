// Every public entry point of the publishable packages, ESM and CommonJS declarations alike.
export type * as core from '@clinikapi/core';
export type * as coreClient from '@clinikapi/core/client';
export type * as coreSchemas from '@clinikapi/core/schemas';
export type * as proxy from '@clinikapi/proxy';
export type * as proxyRedis from '@clinikapi/proxy/redis';
export type * as react from '@clinikapi/react';
export type * as reactServer from '@clinikapi/react/server';
export type * as sandbox from '@clinikapi/sandbox';
