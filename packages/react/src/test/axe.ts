import axe from 'axe-core';

/** Runs axe on a container and returns the violations as `rule: nodes` lines (empty when clean). */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    // jsdom has no layout or colours: contrast is checked in Storybook's browser run.
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
