import { describe, expect, it } from 'vitest';
import { KeyScanner } from './key-scanner.js';

const KEY = 'clk_test_0123456789abcdefABCDEF';

/** Feeds `text` in pieces of `size` characters; what was sent, and whether a key stopped it. */
function run(text: string, size: number) {
  const scanner = new KeyScanner([KEY]);
  let sent = '';
  for (let at = 0; at < text.length; at += size) {
    const out = scanner.push(text.slice(at, at + size));
    if (out === null) return { sent, stopped: true };
    sent += out;
  }
  const rest = scanner.end();
  if (rest === null) return { sent, stopped: true };
  return { sent: sent + rest, stopped: false };
}

describe('KeyScanner', () => {
  it('passes text without a key through unchanged, however it is cut', () => {
    const text = `{"id":"a"}\n{"note":"clk_test_0123 is not a key"}\n`.repeat(20);
    for (const size of [1, 2, 7, 64, text.length]) {
      expect(run(text, size)).toEqual({ sent: text, stopped: false });
    }
  });

  it('stops on a key split at any point, having sent no character of it', () => {
    const text = `{"id":"a"}\n{"leak":"${KEY}"}\n`;
    const start = text.indexOf(KEY);
    for (let size = 1; size <= text.length; size++) {
      const { sent, stopped } = run(text, size);
      expect(stopped, `pieces of ${size}`).toBe(true);
      expect(sent.length, `pieces of ${size}`).toBeLessThanOrEqual(start);
      expect(text.startsWith(sent)).toBe(true);
    }
  });

  it('checks every key it is given (a key replaced by rotation too)', () => {
    const old = 'clk_test_oldoldoldoldoldoldold';
    const scanner = new KeyScanner([KEY, old]);
    expect(scanner.push('x clk_test_oldold')).toBe('x ');
    expect(scanner.push('oldoldoldoldold y')).toBeNull();
  });
});
