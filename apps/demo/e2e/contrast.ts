import type { Page } from '@playwright/test';

/** A colour measured in the page: sRGB channels 0-255 and alpha 0-1. */
export type Rgba = [number, number, number, number];

export interface TextContrast {
  ratio: number;
  /** 4.5, or 3 for large text (24 px, or 18.66 px bold). */
  required: number;
  fg: string;
  bg: string;
  /** The background could not be computed (a background image or gradient on the way). */
  undetermined: boolean;
}

export interface BoundaryContrast {
  /** The field's border against what surrounds it. */
  border: number;
  /** The field's own fill against what surrounds it (a filled field needs no border). */
  fill: number;
  borderColor: string;
  outside: string;
}

export interface FocusIndicator {
  /** What draws the indicator: an outline, else a box-shadow ring, else nothing. */
  kind: 'outline' | 'box-shadow' | 'none';
  /** Visible width of the ring in CSS px (a shadow ring's outermost band). */
  width: number;
  color: string;
  /** The ring against the colour it is drawn on (outside the element, or inside when inset). */
  ratio: number;
  /** The computed `box-shadow` (forced-colours mode computes it to none). */
  boxShadow: string;
}

interface ContrastKit {
  text(el: Element): TextContrast;
  boundary(el: Element): BoundaryContrast;
  focus(el: Element): FocusIndicator;
  /** What an element looks like, to tell a state apart: fill, border and outline as painted. */
  look(el: Element): { fill: string; border: string; outline: string };
  ratio(a: string, b: string): number;
}

declare global {
  interface Window {
    __ckContrast?: ContrastKit;
  }
}

/**
 * Installs `window.__ckContrast` in the page: WCAG 2.2 contrast computed from the elements'
 * computed styles (what the browser will paint in the current theme and in forced-colours
 * emulation, where Chromium resolves system colours into the computed values).
 *
 * Backgrounds are composited up the ancestor chain until an opaque one; the opacity of the
 * element and its ancestors thins the foreground. Positioned elements painted over others are not
 * followed (that is what axe's own check does with `elementsFromPoint`); a background image on
 * the way makes the result `undetermined`.
 *
 * Self-contained: Playwright serialises the function into the page.
 */
function installContrastKit() {
  if (window.__ckContrast) return;
  type C = [number, number, number, number];
  const parse = (value: string): C => {
    const v = value.trim();
    if (v === 'transparent') return [0, 0, 0, 0];
    const rgb = /^rgba?\(([^)]+)\)$/.exec(v);
    if (rgb?.[1]) {
      const [r = 0, g = 0, b = 0, a = 1] = rgb[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map((part) => (part.endsWith('%') ? Number.parseFloat(part) / 100 : Number(part)));
      return [r, g, b, a];
    }
    const srgb = /^color\(srgb ([^)]+)\)$/.exec(v);
    if (srgb?.[1]) {
      const [r = 0, g = 0, b = 0, a = 1] = srgb[1]
        .split(/[\s/]+/)
        .filter(Boolean)
        .map(Number);
      return [r * 255, g * 255, b * 255, a];
    }
    throw new Error(`cannot parse the computed colour ${v}`);
  };
  const over = (top: C, bottom: C): C => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = ([r, g, b]: C) => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a: C, b: C) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };
  const show = (c: C) =>
    `rgb(${c
      .slice(0, 3)
      .map((x) => Math.round(x))
      .join(' ')}${c[3] < 1 ? ` / ${c[3].toFixed(2)}` : ''})`;
  /** The page's canvas: the root's background, else the browser's default for the scheme. */
  const canvas = (): C => {
    for (const el of [document.documentElement, document.body]) {
      const bg = parse(getComputedStyle(el).backgroundColor);
      if (bg[3] === 1) return bg;
    }
    return matchMedia('(prefers-color-scheme: dark)').matches
      ? [18, 18, 18, 1]
      : [255, 255, 255, 1];
  };
  /** Background painted behind `el` (its own included when `self`). */
  const backgroundOf = (el: Element | null, self: boolean) => {
    const layers: C[] = [];
    let undetermined = false;
    for (let node = self ? el : (el?.parentElement ?? null); node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') undetermined = true;
      const bg = parse(style.backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let color = canvas();
    for (const layer of layers.reverse()) color = over(layer, color);
    return { color, undetermined };
  };
  const opacityOf = (el: Element) => {
    let opacity = 1;
    for (let node: Element | null = el; node; node = node.parentElement)
      opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  const faded = (c: C, opacity: number): C => [c[0], c[1], c[2], c[3] * opacity];

  window.__ckContrast = {
    text(el) {
      const style = getComputedStyle(el);
      const { color: bg, undetermined } = backgroundOf(el, true);
      const fg = over(faded(parse(style.color), opacityOf(el)), bg);
      const size = Number.parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      return {
        ratio: contrast(fg, bg),
        required: size >= 24 || (bold && size >= 18.66) ? 3 : 4.5,
        fg: show(fg),
        bg: show(bg),
        undetermined,
      };
    },
    boundary(el) {
      const style = getComputedStyle(el);
      const outside = backgroundOf(el, false).color;
      const opacity = opacityOf(el);
      const border = over(faded(parse(style.borderTopColor), opacity), outside);
      const fill = over(faded(parse(style.backgroundColor), opacity), outside);
      return {
        border: style.borderTopStyle === 'none' ? 1 : contrast(border, outside),
        fill: contrast(fill, outside),
        borderColor: show(border),
        outside: show(outside),
      };
    },
    focus(el) {
      const style = getComputedStyle(el);
      const offset = Number.parseFloat(style.outlineOffset) || 0;
      const width = style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth) || 0;
      if (width > 0) {
        // An inset ring (negative offset) is drawn on the element's own fill.
        const behind = backgroundOf(el, offset < 0).color;
        const ring = over(faded(parse(style.outlineColor), opacityOf(el)), behind);
        return {
          kind: 'outline',
          width,
          color: show(ring),
          ratio: contrast(ring, behind),
          boxShadow: style.boxShadow,
        };
      }
      // A ring of spread shadows ("0 0 0 2px bg, 0 0 0 4px accent"): its outermost band.
      const rings = (style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/))
        .map((shadow) => shadow.trim())
        .filter((shadow) => !/\binset\b/.test(shadow))
        .map((shadow) => {
          const color = /^(rgba?\([^)]*\)|color\([^)]*\))/.exec(shadow)?.[1] ?? 'transparent';
          const lengths = (shadow.slice(color.length).match(/-?[\d.]+px/g) ?? []).map(
            Number.parseFloat,
          );
          return { color: parse(color), spread: lengths[3] ?? 0 };
        })
        .filter((ring) => ring.spread > 0 && ring.color[3] > 0)
        .sort((a, b) => b.spread - a.spread);
      const [outer, inner] = rings;
      if (!outer)
        return { kind: 'none', width: 0, color: '', ratio: 1, boxShadow: style.boxShadow };
      const behind = backgroundOf(el, false).color;
      const ring = over(faded(outer.color, opacityOf(el)), behind);
      return {
        kind: 'box-shadow',
        width: outer.spread - (inner?.spread ?? 0),
        color: show(ring),
        ratio: contrast(ring, behind),
        boxShadow: style.boxShadow,
      };
    },
    look(el) {
      const style = getComputedStyle(el);
      const fill = backgroundOf(el, true).color;
      const outside = backgroundOf(el, false).color;
      const edge = (width: string, styleName: string, color: string) =>
        styleName === 'none' || !Number.parseFloat(width)
          ? show(fill)
          : show(over(parse(color), outside));
      return {
        fill: show(fill),
        border: edge(style.borderTopWidth, style.borderTopStyle, style.borderTopColor),
        outline: edge(style.outlineWidth, style.outlineStyle, style.outlineColor),
      };
    },
    ratio(a, b) {
      return contrast(parse(a), parse(b));
    },
  };
}

/** Makes `window.__ckContrast` available in the current document. */
export async function installContrast(page: Page) {
  await page.evaluate(installContrastKit);
}

/** The three ways the audits look at a page: the two themes, then forced colours. */
export const MODES = [
  { name: 'light', media: { colorScheme: 'light', forcedColors: 'none' } },
  { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
  { name: 'forced colours', media: { colorScheme: 'light', forcedColors: 'active' } },
] as const;

export type Mode = (typeof MODES)[number];

export async function applyMode(page: Page, mode: Mode) {
  await page.emulateMedia(mode.media);
}

/** The two themes (axe's contrast checks do not apply to forced colours, the user's palette). */
export const THEMES = MODES.filter((mode) => mode.media.forcedColors === 'none');
