import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/* -------------------------------------------------------------------------------------------------
 * The palettes in styles.css are written twice by necessity: dark under prefers-color-scheme and
 * under [data-theme='dark'] (a media query cannot share a rule with a selector), light in :root
 * and under [data-theme='light']. These checks keep each pair from drifting apart.
 * -----------------------------------------------------------------------------------------------*/

const css = readFileSync(path.join(__dirname, '../../../src/styles.css'), 'utf8');

/** The colour custom properties declared in the first block that follows `opener`. */
function colours(opener: string): Record<string, string> {
  const start = css.indexOf(opener);
  expect(start, `styles.css has no ${opener}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf('{', start + opener.length - 1) + 1, css.indexOf('}', start));
  const declarations: Record<string, string> = {};
  for (const [, name, value] of body.matchAll(/(--rca-color-[\w-]+)\s*:\s*([^;]+);/g)) declarations[name!] = value!.trim();
  return declarations;
}

describe('given the built-in themes', () => {
  it('forces the same dark palette with data-theme="dark" as the system dark mode gives', () => {
    const system = colours(":where(:root:not([data-theme='light'])) {");
    expect(Object.keys(system).length).toBeGreaterThan(10);
    expect(colours(":where([data-theme='dark']) {")).toEqual(system);
  });

  it('forces the same light palette with data-theme="light" as the default', () => {
    const light = colours(':where(:root) {');
    expect(Object.keys(light).length).toBeGreaterThan(10);
    expect(colours(":where([data-theme='light']) {")).toEqual(light);
  });
});
