// The budget check of the size benchmark: each measured figure against issue 14's target, and a
// missed target against its regression ceiling (bench/size/budgets.mjs). Pure: figures in, status
// lines and failures out.
import { CEILINGS, TARGETS } from './budgets.mjs';

const fmt = (kb) => kb.toFixed(1);
/** The ceiling to record for a miss measured at `kb`: rounded up to 0.1 kB, plus 0.5 kB. */
export const ceilingFor = (kb) => (Math.ceil(kb * 10) + 5) / 10;

/** The target of a page (undefined: measured only). */
export function pageTarget(page, targets = TARGETS) {
  return targets.pages[page.id] ?? (page.area ? targets.widgetPage : undefined);
}

/**
 * Judges one figure. `key` names it in CEILINGS; `kb` is the measurement, `target` the budget.
 * Returns { status, failure?, note? }: status is what the table prints.
 */
export function judge(key, label, kb, target, ceilings = CEILINGS) {
  const ceiling = ceilings[key];
  if (target === undefined) return { status: '-' };
  if (kb <= target) {
    return {
      status: `ok <=${target}`,
      note: ceiling
        ? `${label}: meets its ${target} kB target; delete CEILINGS['${key}']`
        : undefined,
    };
  }
  const miss = `${label}: ${fmt(kb)} kB, misses its ${target} kB target by ${fmt(kb - target)} kB`;
  if (!ceiling) {
    const failure = `${miss} and has no ceiling (CEILINGS['${key}'] = { kb: ${ceilingFor(kb)}, reason })`;
    return { status: `OVER ${target}`, failure };
  }
  if (!ceiling.reason?.trim()) {
    return { status: `OVER ${target}`, failure: `${miss}; CEILINGS['${key}'] gives no reason` };
  }
  if (kb > ceiling.kb) {
    return {
      status: `OVER ${ceiling.kb}`,
      failure: `${miss} and grew past its ${ceiling.kb} kB ceiling by ${fmt(kb - ceiling.kb)} kB`,
    };
  }
  return {
    status: `miss <=${ceiling.kb}`,
    note:
      ceiling.kb - kb > 1
        ? `${label}: ${fmt(kb)} kB, well under its ${ceiling.kb} kB ceiling; lower CEILINGS['${key}']`
        : undefined,
  };
}

/** Prints the targets and the ceilings in force (with their reasons). */
export function describeBudgets(targets = TARGETS, ceilings = CEILINGS) {
  const pages = Object.entries(targets.pages).map(([id, kb]) => `${id} <= ${kb}`);
  const lines = [
    `Targets (issue 14, kB gzip, all chunks): ${pages.join(', ')}, each chart widget page <= ${targets.widgetPage}, ` +
      `package growth <= ${targets.growthPerArea} per widget area.`,
  ];
  const entries = Object.entries(ceilings);
  if (entries.length > 0) {
    lines.push('Ceilings for missed targets (bench/size/budgets.mjs):');
    for (const [key, { kb, reason }] of entries) lines.push(`  ${key} <= ${kb}: ${reason}`);
  }
  return lines.join('\n');
}
