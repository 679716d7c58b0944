import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `snippets/client.ts` is the README's client example; typetests/exact-optional compiles it under
// `exactOptionalPropertyTypes` (the setting of many strict apps). This keeps it the README's.
const pkg = join(import.meta.dirname, '..');

describe('README snippets', () => {
  it('snippets/client.ts is the start of the Client block', () => {
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    const block = /## Client\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const snippet = readFileSync(join(pkg, 'snippets', 'client.ts'), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('// The README'))
      .join('\n')
      .replaceAll('export const', 'const');
    const body = snippet.slice(snippet.indexOf('\n\n')).trim();
    expect(block).toContain('import { createClinikClient');
    expect(block).toContain(body);
  });
});
