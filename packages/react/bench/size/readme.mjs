// Writes the size benchmark's figures into READMEs (scripts/size.mjs --write-readme): the table
// between <!-- size-table:start --> and <!-- size-table:end -->, and inline figures written as
// <!-- size:<page id>.<initial|total|lazy> -->8.8 kB<!-- /size --> (or size:area.<folder>,
// size:areas, size:peers, size:css).
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';

const fmt = (bytes) => (bytes / 1024).toFixed(1);

/** A Markdown table padded as the formatter (biome) leaves it; `right` right-aligns a column. */
function alignedTable(header, right, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

export async function rewriteReadmes(files, { rows, shares, widgetsShare, peers, css }) {
  const figures = new Map([
    ['peers', peers.total],
    ['css', css],
    ['areas', widgetsShare],
  ]);
  for (const share of shares) if (!share.missing) figures.set(`area.${share.area}`, share.bytes);
  for (const r of rows) {
    figures.set(`${r.id}.initial`, r.vite.initial);
    figures.set(`${r.id}.total`, r.vite.total);
    figures.set(`${r.id}.lazy`, r.vite.total - r.vite.initial);
  }
  const table = alignedTable(
    ['page', 'loaded first', 'all chunks', 'target', 'check'],
    [false, true, true, true, false],
    rows.map((r) => [
      r.title,
      `${fmt(r.vite.initial)} kB`,
      `${fmt(r.vite.total)} kB`,
      r.target === undefined ? '-' : `${r.target} kB`,
      r.status,
    ]),
  );
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const next = text
      .replace(
        /^([ \t]*)(<!-- size-table:start -->\n)[\s\S]*?^([ \t]*<!-- size-table:end -->)/m,
        (_, indent, open, close) => `${indent}${open}${table.replaceAll(/^/gm, indent)}\n${close}`,
      )
      .replace(/(<!-- size:([\w+.-]+) -->)[^<]*(<!-- \/size -->)/g, (_whole, open, key, close) => {
        if (!figures.has(key))
          throw new Error(`${relative(process.cwd(), file)}: no figure ${key}`);
        return `${open}${fmt(figures.get(key))} kB${close}`;
      });
    if (next !== text) {
      await writeFile(file, next);
      console.log(`${relative(process.cwd(), file)}: size figures rewritten.`);
    }
  }
}
