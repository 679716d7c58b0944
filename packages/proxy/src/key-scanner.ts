/**
 * Scans streamed text for API keys without letting any part of one through: text is passed on
 * except for a held-back tail that could be the start of a key, which waits for the next chunk.
 * Keys are ASCII (`clk_test_...`), so scanning decoded text finds them whatever the chunking.
 */
export class KeyScanner {
  #held = '';

  constructor(private readonly keys: readonly string[]) {}

  /** The text that is safe to send now, or `null` when a key appeared (send nothing more). */
  push(text: string): string | null {
    const window = this.#held + text;
    if (this.keys.some((key) => key !== '' && window.includes(key))) return null;
    let hold = 0;
    for (const key of this.keys) hold = Math.max(hold, partialKeyAtEnd(window, key));
    this.#held = window.slice(window.length - hold);
    return window.slice(0, window.length - hold);
  }

  /** The last text and everything held back, or `null` when a key appeared. */
  end(text = ''): string | null {
    const out = this.push(text);
    if (out === null) return null;
    const rest = this.#held;
    this.#held = '';
    return out + rest;
  }
}

/** Length of the longest end of `text` that is a proper start of `key` (0 when none). */
function partialKeyAtEnd(text: string, key: string): number {
  for (let n = Math.min(key.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(key.slice(0, n))) return n;
  }
  return 0;
}
