import type { Plugin } from 'vite';

/**
 * `storybook dev` only: mounts the real @clinikapi/proxy at /api/clinik in Storybook's dev
 * server, in front of an in-memory sandbox seeded with synthetic patients. Stories tagged
 * `live` talk to it, so a designer can create a patient and see it in the list. Static builds
 * and story tests use recorded-shape fixtures instead (src/test/fakeApi.ts).
 */
export function liveSandbox(): Plugin {
  return {
    name: 'clinik-live-sandbox',
    apply: 'serve',
    async configureServer(server) {
      if (process.env.VITEST) return; // story tests run against fixtures, not a live API
      let modules: [typeof import('@clinikapi/sandbox'), typeof import('@clinikapi/proxy')];
      try {
        modules = await Promise.all([import('@clinikapi/sandbox'), import('@clinikapi/proxy')]);
      } catch {
        server.config.logger.warn(
          '[clinik] live sandbox off: build the packages first (pnpm run build)',
        );
        return;
      }
      const [{ createSandbox }, { clinikProxy, staff }] = modules;
      try {
        const sandbox = await createSandbox({ memory: true });
        const { url: target } = await sandbox.listen(0);
        await sandbox.seed({ org: 'org_storybook', patients: 120, practitioners: 3 });
        const { key } = await sandbox.keys.create({ org: 'org_storybook', env: 'test' });
        const proxy = clinikProxy<{ id: string }>({
          target,
          apiKey: key,
          // Storybook has no sign-in: every request acts as one local staff member.
          authenticate: () => ({ id: 'storybook_designer' }),
          authorize: staff(),
          logger: false,
        });
        // Connect strips the mount path from req.url, as Express does.
        server.middlewares.use('/api/clinik', (req, res, next) => proxy(req, res, next));
        server.httpServer?.once('close', () => void sandbox.close());
      } catch (error) {
        // Stories with fixtures still work; only the live story is affected.
        server.config.logger.warn(
          `[clinik] live sandbox off: ${error instanceof Error ? error.message : String(error)} (rebuild the packages: pnpm run build)`,
        );
        return;
      }
      server.config.logger.info('[clinik] live sandbox + proxy mounted at /api/clinik');
    },
  };
}
