import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/* -------------------------------------------------------------------------------------------------
 * The palette in styles.css is written once: each colour is a light-dark() pair, and the scheme
 * follows the page, or data-theme="light" | "dark" on any ancestor. These checks keep every colour
 * a pair, so no colour is left the same in the dark theme by mistake, and keep both themes forced.
 * -----------------------------------------------------------------------------------------------*/

const css = readFileSync(path.join(__dirname, '../../../src/styles.css'), 'utf8');

/** The declarations of the first block that follows `opener`. */
function block(opener: string): string {
  const start = css.indexOf(opener);
  expect(start, `styles.css has no ${opener}`).toBeGreaterThanOrEqual(0);
  return css.slice(css.indexOf('{', start + opener.length - 1) + 1, css.indexOf('}', start));
}

describe('given the built-in themes', () => {
  it('gives every colour of the palette a light and a dark value', () => {
    const colours = [...block(':where(:root) {').matchAll(/(--rca-color-[\w-]+)\s*:\s*([^;]+);/g)];
    expect(colours.length).toBeGreaterThan(10);
    for (const [, name, value] of colours) expect([name, value!.trim()]).toEqual([name, expect.stringMatching(/^light-dark\(.+,.+\)$/)]);
  });

  it('follows the page\'s scheme, and forces light or dark with data-theme on any ancestor', () => {
    expect(block(':where(.rca-connection-list, .rca-dialog, .rca-dialog-overlay) {')).toMatch(/color-scheme:\s*light dark;/);
    expect(block(":where([data-theme='light']) :where(.rca-connection-list, .rca-dialog, .rca-dialog-overlay) {")).toMatch(/color-scheme:\s*light;/);
    expect(block(":where([data-theme='dark']) :where(.rca-connection-list, .rca-dialog, .rca-dialog-overlay) {")).toMatch(/color-scheme:\s*dark;/);
  });

  it('hides the separators from sight only, and keeps a forced-colors rule', () => {
    const hidden = block('.rca-visually-hidden {');
    expect(hidden).toMatch(/position:\s*absolute/);
    expect(hidden).not.toMatch(/display:\s*none|visibility:\s*hidden/);
    expect(css).toContain('@media (forced-colors: active)');
  });

  it('shortens an account name that does not fit with an ellipsis', () => {
    expect(block('.rca-connection-item-name {')).toMatch(/text-overflow:\s*ellipsis/);
  });
});
