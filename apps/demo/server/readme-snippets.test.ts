import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// README code blocks preceded by `<!-- snippet: apps/demo/snippets/NAME -->` must equal that file,
// which `tsc -b` compiles against the real packages: copy-paste examples that stay true.
const root = join(import.meta.dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const marked = [...readme.matchAll(/<!-- snippet: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)];

describe('README snippets', () => {
  it('are present', () => {
    expect(marked.map((m) => m[1])).toEqual([
      'apps/demo/snippets/embed-components.tsx',
      'apps/demo/snippets/mount-proxy-express.ts',
      'apps/demo/snippets/mount-proxy-node.ts',
    ]);
  });

  it.each(marked.map((m) => [m[1] ?? '', m[2] ?? '']))(
    '%s matches the compiled file',
    (file, block) => {
      expect(block).toBe(readFileSync(join(root, file), 'utf8'));
    },
  );
});
