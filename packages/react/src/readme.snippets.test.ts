import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `snippets/` holds the README's examples; typetests/exact-optional compiles them under
// `exactOptionalPropertyTypes` (the setting of many strict apps). These keep them the README's.
const pkg = join(import.meta.dirname, '..');
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
const snippet = (name: string) => readFileSync(join(pkg, 'snippets', name), 'utf8');
const blocks = [...readme.matchAll(/^( *)```tsx?\n([\s\S]*?)^\1```/gm)].map(([, indent, body]) =>
  (body ?? '').replace(new RegExp(`^${indent}`, 'gm'), ''),
);

describe('README snippets', () => {
  it('snippets/server-prefetch.ts is the /server prefetch block', () => {
    expect(blocks).toContain(snippet('server-prefetch.ts'));
  });

  it('snippets/intro.tsx is the first block', () => {
    expect(blocks[0]).toBe(snippet('intro.tsx'));
  });
});
