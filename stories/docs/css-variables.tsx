import styles from '../../src/styles.css?inline';

/* -------------------------------------------------------------------------------------------------
 * The table of every CSS variable, read from src/styles.css itself so it never falls behind
 * -----------------------------------------------------------------------------------------------*/

const DESCRIPTIONS: Record<string, string> = {
  '--rca-font': 'The font of the list and the dialogs.',
  '--rca-font-size': 'The base size; small print is set in rem.',
  '--rca-radius': 'Corners: 1\u00d7 on dialogs, 0.75\u00d7 on buttons, fields and marks, 0.5\u00d7 on callouts.',
  '--rca-color-bg': 'Backgrounds of the dialog, buttons, fields and tints.',
  '--rca-color-text': 'Body text.',
  '--rca-color-muted': 'Account names, durations, hints, group titles.',
  '--rca-color-border': 'Lines between rows, the dialog\u2019s edge.',
  '--rca-color-field': 'Borders of buttons, fields and the progress bar (3:1 against the background).',
  '--rca-color-accent': 'Primary buttons, the pressed filter.',
  '--rca-color-accent-text': 'Text on the accent.',
  '--rca-color-focus': 'Focus rings.',
  '--rca-color-danger': 'The red key, "Authorization required", failures, invalid fields.',
  '--rca-color-success': '"Connected", success.',
  '--rca-color-warning': 'Errors, expiring grants, warnings.',
  '--rca-color-info': 'Backfilling, notes, the progress value.',
  '--rca-color-busy': '"Reconnecting" and work in progress.',
  '--rca-color-overlay': 'The backdrop behind a dialog.',
  '--rca-shadow': 'The dialog\u2019s shadow.',
  '--rca-z-index': 'The layer of the dialogs and their backdrop.',
};

interface Variable {
  name: string;
  light?: string;
  dark?: string;
}

/**
 * Every `--rca-*` declaration: light values from `:root`, dark ones from `[data-theme='dark']`, or
 * both from one `light-dark(light, dark)`. An SVG reads `url(…)`.
 */
function readVariables(css: string): Variable[] {
  const found = new Map<string, Variable>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const block of text.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    const selector = block[1]!.trim();
    const scope = /\[data-theme='dark'\]/.test(selector) && !selector.includes(':not(')
      ? 'dark'
      : /:where\(:root\)$/.test(selector) || selector === ':root'
        ? 'light'
        : null;
    for (const declaration of block[2]!.matchAll(/(--rca-[\w-]+)\s*:\s*([^;]+);/g)) {
      const name = declaration[1]!;
      const entry = found.get(name) ?? { name };
      const value = declaration[2]!.trim().replace(/^url\(.*\)$/s, 'url(…)');
      const both = scope === 'light' ? splitLightDark(value) : undefined;
      if (both) [entry.light, entry.dark] = both;
      else if (scope) entry[scope] = value;
      found.set(name, entry);
    }
  }
  // Theme tokens only: a variable a component rule sets for itself (--rca-tone, --rca-icon) is not one.
  return [...found.values()].filter((variable) => variable.light !== undefined || variable.dark !== undefined);
}

/** The two values of `light-dark(a, b)`, split at its one top-level comma. */
function splitLightDark(value: string): [string, string] | undefined {
  const inner = /^light-dark\((.*)\)$/s.exec(value)?.[1];
  if (!inner) return;
  let depth = 0;
  for (let index = 0; index < inner.length; index += 1) {
    const character = inner[index];
    if (character === '(') depth += 1;
    else if (character === ')') depth -= 1;
    else if (character === ',' && depth === 0) return [inner.slice(0, index).trim(), inner.slice(index + 1).trim()];
  }
}

function Swatch({ value }: { value?: string }) {
  if (!value || !/^(#|rgb|hsl|oklch)/.test(value)) return null;
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: '0.9rem',
        height: '0.9rem',
        marginInlineEnd: '0.4rem',
        verticalAlign: 'middle',
        border: '1px solid #888',
        borderRadius: '3px',
        background: value,
      }}
    />
  );
}

function CssVariables() {
  const variables = readVariables(styles);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">What it paints</th>
          <th scope="col">Light</th>
          <th scope="col">Dark</th>
        </tr>
      </thead>
      <tbody>
        {variables.map(({ name, light, dark }) => (
          <tr key={name}>
            <th scope="row" style={{ textAlign: 'start' }}>
              <code>{name}</code>
            </th>
            <td>{DESCRIPTIONS[name] ?? ''}</td>
            <td>
              <Swatch value={light} />
              <code>{light ?? '—'}</code>
            </td>
            <td>
              <Swatch value={dark ?? light} />
              <code>{dark ?? 'same as light'}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export { CssVariables, readVariables };
