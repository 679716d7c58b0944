// Records the HTTP-boundary fixtures of the static Storybook build from the real stack: an
// in-memory sandbox, seeded deterministically, read through @clinikapi/proxy with the same
// keyless client the components use. Run after a contract change:
//   pnpm --filter @clinikapi/react run record-fixtures
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createClinikClient, type Patient } from '@clinikapi/core';
import { startSandboxProxy } from '../src/test/sandboxProxy.js';

const COUNT = 60;
const out = fileURLToPath(new URL('../src/test/recorded/patients.json', import.meta.url));

const stack = await startSandboxProxy({ seedPatients: COUNT });
try {
  const client = createClinikClient({ baseUrl: stack.baseUrl, retries: 0 });
  const patients: Patient[] = [];
  for await (const page of client.paginate('patients', { count: 100 })) patients.push(...page.data);
  await writeFile(out, `${JSON.stringify(patients, null, 2)}\n`);
  console.log(`recorded ${patients.length} patients from the sandbox into ${out}`);
} finally {
  await stack.close();
}
