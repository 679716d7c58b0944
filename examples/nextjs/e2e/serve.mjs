// Starts what the browser test needs: an in-memory sandbox (the data API) with two patients and a
// test key, and the built example app (`next start`) pointed at it. The key reaches only the app's
// server, through its environment.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createSandbox } from '@clinikapi/sandbox';

const port = Number(process.env.PORT ?? 3927);
const fixtureFile = process.env.EXAMPLE_FIXTURE;
if (!fixtureFile?.startsWith('/tmp/')) throw new Error('EXAMPLE_FIXTURE must be a /tmp file');

const sandbox = await createSandbox({ memory: true });
const { url } = await sandbox.listen(0);
const { key } = await sandbox.keys.create({ org: 'org_example', env: 'test', scope: '*' });
const create = async (body) => {
  const res = await fetch(`${url}/v1/patients`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`seeding failed: ${res.status}`);
  return (await res.json()).data.id;
};
const ada = await create({ firstName: 'Ada', lastName: 'Lovelace', birthDate: '1985-12-10' });
const grace = await create({ firstName: 'Grace', lastName: 'Hopper', birthDate: '1976-12-09' });
// The test checks that no response ever carries the key, so it needs to know it.
writeFileSync(fixtureFile, JSON.stringify({ ada, grace, key }));

const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
const child = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'production',
    CLINIKAPI_URL: url,
    CLINIKAPI_SECRET_KEY: key,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    CLINIK_EXAMPLE_SANDBOX: '1',
  },
});
const stop = async (code) => {
  child.kill('SIGTERM');
  await sandbox.close();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
child.on('exit', (code) => void stop(code ?? 0));
