import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// styles.css measured in jsdom: its cascade resolves selectors, specificity and custom properties
// (not var() inside other properties, which `resolved` does here), so contrast can be computed the
// way a browser would for flat colours. Forced-colors rules cannot match in jsdom: they are read
// from the stylesheet itself.
const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'styles.css'), 'utf8');

function mount(html: string, theme?: 'dark') {
  const sheet = document.createElement('style');
  sheet.textContent = css;
  document.head.append(sheet);
  const root = document.createElement('div');
  if (theme) root.dataset.ckTheme = theme;
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** A custom property as the cascade resolves it at `el` (theme included), var() followed. */
function custom(el: Element, name: string, depth = 0): string {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  const ref = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
  return ref && depth < 8 ? custom(el, ref, depth + 1) : value;
}

type Rgb = [number, number, number];
function hex(value: string): Rgb {
  const digits = /^#([0-9a-f]{6})$/i.exec(value)?.[1];
  if (!digits) throw new Error(`not a #rrggbb colour: "${value}"`);
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}
const luminance = (rgb: Rgb) => {
  const [r = 0, g = 0, b = 0] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG 2.2 contrast ratio, rounded down to 2 decimals. */
const contrast = (a: string, b: string) => {
  const [hi = 0, lo = 0] = [luminance(hex(a)), luminance(hex(b))].sort((x, y) => y - x);
  return Math.floor(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
};

describe('styles.css colours (computed from the --ck-* properties)', () => {
  for (const theme of [undefined, 'dark'] as const) {
    const name = theme ?? 'light';
    it(`text field and button edges are >= 3:1 against background and surface (${name})`, () => {
      const el = mount('<input class="ck-input" />', theme).firstElementChild as Element;
      const border = custom(el, '--ck-color-control-border');
      expect(contrast(border, custom(el, '--ck-color-bg'))).toBeGreaterThanOrEqual(3);
      expect(contrast(border, custom(el, '--ck-color-surface'))).toBeGreaterThanOrEqual(3);
    });

    it(`the focus outline is >= 3:1 against background and surface (${name})`, () => {
      const el = mount('<input class="ck-input" />', theme).firstElementChild as Element;
      const focus = custom(el, '--ck-color-focus');
      expect(contrast(focus, custom(el, '--ck-color-bg'))).toBeGreaterThanOrEqual(3);
      expect(contrast(focus, custom(el, '--ck-color-surface'))).toBeGreaterThanOrEqual(3);
    });

    it(`text pairs are >= 4.5:1 (${name})`, () => {
      const el = mount('<div class="ck-appointment-form"></div>', theme)
        .firstElementChild as Element;
      const c = (n: string) => custom(el, `--ck-color-${n}`);
      const pairs: [string, string][] = [
        ['text', 'bg'],
        ['text', 'surface'],
        ['text', 'selected'],
        ['muted', 'bg'],
        ['muted', 'surface'],
        ['accent-text', 'accent'],
        ['accent', 'bg'],
        ['danger', 'danger-bg'],
        ['bg', 'danger'],
      ];
      const low = pairs
        .map(([fg, bg]) => [`${fg} on ${bg}`, contrast(c(fg), c(bg))] as const)
        .filter(([, ratio]) => ratio < 4.5);
      expect(low).toEqual([]);
    });
  }

  it('text fields, buttons and time slots draw their edge in the control border colour', () => {
    for (const selector of ['.ck-input', '.ck-button', '.ck-slot']) {
      const rule = rules().find((r) => r.selector === selector && /border/.test(r.text));
      expect(rule?.text, selector).toMatch(/border:[^;]*var\(--ck-color-control-border\)/);
    }
  });

  it('sets text/background pairs of controls at one class, not at zero specificity', () => {
    // `a, button { color }` of a host page beats :where(); one class beats it.
    for (const selector of [
      '.ck-button',
      '.ck-button--primary',
      '.ck-button--danger',
      '.ck-slot',
      '.ck-slot[aria-pressed="true"]',
      '.ck-input',
      '.ck-table th',
    ]) {
      const rule = rules().find(
        (r) => r.media === '' && r.selector === selector && /(^|[\s;{])color:/.test(r.text),
      );
      expect(rule?.text, selector).toMatch(/background-color:/);
    }
    const zeroSpecificityColours = rules().filter(
      (r) =>
        r.selector.startsWith(':where(') &&
        /\.ck-(button|slot|input)\b/.test(r.selector) &&
        /(^|[\s;{])(color|background(-color)?):/.test(r.text),
    );
    expect(zeroSpecificityColours.map((r) => r.selector)).toEqual([]);
  });
});

/** Every style rule of the stylesheet, with the media condition it sits in. */
function rules(): { selector: string; text: string; media: string }[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const out: { selector: string; text: string; media: string }[] = [];
  const body = (rule: CSSStyleRule) => rule.cssText.slice(rule.cssText.indexOf('{'));
  for (const rule of sheet.cssRules) {
    if (rule instanceof CSSStyleRule)
      out.push({ selector: rule.selectorText, text: body(rule), media: '' });
    else if (rule instanceof CSSMediaRule)
      for (const inner of rule.cssRules)
        if (inner instanceof CSSStyleRule)
          out.push({ selector: inner.selectorText, text: body(inner), media: rule.conditionText });
  }
  return out;
}

describe('styles.css focus and forced colours', () => {
  it('shows focus with an outline, never removes it for a box-shadow', () => {
    const focusRules = rules().filter((r) => r.selector.includes(':focus-visible'));
    for (const rule of focusRules) {
      expect(rule.text, rule.selector).toMatch(/outline(-color)?: /);
      expect(rule.text, rule.selector).not.toMatch(/outline: (none|0)|box-shadow/);
    }
    for (const control of [
      '.ck-input',
      '.ck-button',
      '.ck-slot',
      '.ck-agenda-entry',
      '.ck-patient-list__row',
    ]) {
      expect(
        focusRules.some((r) => r.selector.includes(control) && r.media === ''),
        control,
      ).toBe(true);
    }
  });

  it('keeps the chosen time, selected row and focus visible in forced-colors mode', () => {
    const forced = rules().filter((r) => r.media.includes('forced-colors: active'));
    const picked = forced.find((r) => r.selector.includes('.ck-slot[aria-pressed="true"]'));
    expect(picked?.text).toMatch(/forced-color-adjust: none/);
    expect(picked?.text).toMatch(/background-color: highlight/i);
    expect(picked?.text).toMatch(/outline: [^;]*solid/);
    const selectedRow = forced.find((r) =>
      r.selector.includes('.ck-patient-list__row[data-state="selected"]'),
    );
    expect(selectedRow?.text).toMatch(/outline: [^;]*solid/);
    const focus = forced.find(
      (r) => r.selector.includes(':focus-visible') && r.selector.includes('.ck-input'),
    );
    expect(focus?.text).toMatch(/outline: 2px solid highlight/i);
  });
});
