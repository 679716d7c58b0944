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
const trimmed = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

describe('README snippets', () => {
  it('snippets/server-prefetch.ts is the /server prefetch block', () => {
    expect(blocks).toContain(snippet('server-prefetch.ts'));
  });

  it('snippets/intro.tsx holds the markup of the first block', () => {
    const intro = trimmed(snippet('intro.tsx'));
    const first = trimmed(blocks[0] ?? '').filter((line) => !line.startsWith('import'));
    expect(first.length).toBeGreaterThan(3);
    for (const line of first)
      expect(intro).toContain(line.replace(/^(<\/ClinikProvider>);$/, '$1'));
  });
});
