import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe on a rendered component and fails with the rule ids and targets of any violation.
 * Page-level rules (landmarks, a page heading) do not apply to a component rendered alone.
 */
export async function expectNoAxeViolations(node: Element = document.body): Promise<void> {
  // Axe looks for icon ligatures through a canvas. jsdom has none, and says so on stderr for
  // each call; null is what it answers anyway.
  HTMLCanvasElement.prototype.getContext = () => null;
  const results = await axe.run(node, {
    rules: {
      // jsdom lays nothing out: contrast is measured in the Storybook a11y tests in Chromium.
      'color-contrast': { enabled: false },
      region: { enabled: false },
      'page-has-heading-one': { enabled: false },
      'landmark-one-main': { enabled: false },
    },
  });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
