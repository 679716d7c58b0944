/** WCAG 2.2 contrast of colours as a browser computes them (`rgb()`/`rgba()`), for tests. */

type Rgba = [number, number, number, number];

/** Parses a computed colour (`rgb(…)`, `rgba(…)`, `transparent`). */
export function parseComputedColor(value: string): Rgba {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return [0, 0, 0, 0];
  const inner = /^rgba?\(([^)]+)\)$/.exec(v)?.[1];
  if (!inner) throw new Error(`not a computed rgb() colour: "${value}"`);
  const [r = 0, g = 0, b = 0, a = 1] = inner
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r, g, b, a];
}

const luminance = ([r, g, b]: Rgba) => {
  const [lr = 0, lg = 0, lb = 0] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
};

/** Contrast ratio of two opaque colours, rounded down to 2 decimals (1 to 21). */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return Math.floor(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

/** The background `el`'s text is drawn on: its own, or the first opaque one of its ancestors. */
export function effectiveBackground(el: Element): Rgba {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const bg = parseComputedColor(getComputedStyle(node).backgroundColor);
    if (bg[3] === 1) return bg;
  }
  return [255, 255, 255, 1];
}

/** Contrast of `el`'s text against the background it is drawn on. */
export function textContrast(el: Element): number {
  return contrastRatio(parseComputedColor(getComputedStyle(el).color), effectiveBackground(el));
}

/** Contrast of `el`'s top border against the background around it (its parent's). */
export function borderContrast(el: Element): number {
  const parent = el.parentElement ?? el;
  return contrastRatio(
    parseComputedColor(getComputedStyle(el).borderTopColor),
    effectiveBackground(parent),
  );
}
