import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const monorepo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const config: NextConfig = {
  // The workspace packages live two levels up (pnpm links them).
  turbopack: { root: monorepo },
  outputFileTracingRoot: monorepo,
  poweredByHeader: false,
};

export default config;
