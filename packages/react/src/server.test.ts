// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clinikQueries as clientSide } from './index.js';
import { clinikKeys, clinikQueries } from './server.js';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Every module `entry` reaches through relative imports (type-only imports included). */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const [, spec] of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
      visit(normalize(join(dirname(file), (spec as string).replace(/\.js$/, '.ts'))));
    }
  };
  visit(entry);
  return [...seen];
}

describe('@clinikapi/react/server', () => {
  it("reaches no 'use client' module and no React component code", () => {
    const graph = moduleGraph('server.ts');
    expect(graph).toContain('queries/clinikQueries.ts');
    for (const file of graph) {
      const text = readFileSync(join(SRC, file), 'utf8');
      expect(text.startsWith("'use client'"), file).toBe(false);
      expect(text, file).not.toMatch(/from 'react'/);
      expect(file, file).not.toMatch(/\.tsx$/);
    }
  });

  it('builds the same query keys as the hooks, so server-prefetched data is used', () => {
    expect(clinikQueries.patients.list({ name: 'ada' }).queryKey).toEqual(
      clientSide.patients.list({ name: 'ada' }).queryKey,
    );
    expect(clinikQueries.slots.range({ practitionerId: 'p1' }).queryKey).toEqual(
      clinikKeys.range('slots', { practitionerId: 'p1' }),
    );
  });
});
