import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// README code blocks preceded by `<!-- snippet: snippets/NAME -->` (this package's README) or
// `<!-- proxy-snippet: packages/proxy/snippets/NAME -->` (the repository's README) must equal
// that file, which `tsc -b` compiles against the real package: examples that stay true.
const pkg = join(import.meta.dirname, '..');
const root = join(pkg, '..', '..');
const blocks = (file: string, marker: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      new RegExp(`<!-- ${marker}: (\\S+) -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``, 'g'),
    ),
  ].map((m) => [m[1] ?? '', m[2] ?? ''] as const);

const own = blocks(join(pkg, 'README.md'), 'snippet');
const repository = blocks(join(root, 'README.md'), 'proxy-snippet');

describe('README snippets', () => {
  it('show every mount, each file once', () => {
    expect(own.map(([file]) => file).sort()).toEqual(
      readdirSync(join(pkg, 'snippets'))
        .map((name) => `snippets/${name}`)
        .sort(),
    );
    expect(repository.map(([file]) => file)).toEqual(['packages/proxy/snippets/nextjs-route.ts']);
  });

  it.each(own)('%s matches the compiled file', (file, block) => {
    expect(block).toBe(readFileSync(join(pkg, file), 'utf8'));
  });

  it.each(repository)('%s (repository README) matches the compiled file', (file, block) => {
    expect(block).toBe(readFileSync(join(root, file), 'utf8'));
  });
});
