import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/* -------------------------------------------------------------------------------------------------
 * The README and docs/ stay honest: the README fits a few screens, every relative link leads to a
 * file that exists, and every example imports only what the package exports.
 * -----------------------------------------------------------------------------------------------*/

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const pages = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** The package's public entry points, from the `exports` map. */
const exported = Object.keys((JSON.parse(read('package.json')) as { exports: Record<string, unknown> }).exports);

/** Where each entry point's source lives, as tsup.config.ts builds it. */
function sourceOf(subpath: string): string | undefined {
  if (subpath === '.') return 'src/index.ts';
  if (subpath === './core') return 'src/core/index.ts';
  if (subpath === './callback') return 'src/core/callback.ts';
  if (subpath === './testing') return 'src/testing/index.ts';
  const locale = /^\.\/locales\/([\w-]+)$/.exec(subpath)?.[1];
  return locale ? `src/locales/${locale}.ts` : undefined;
}

/* -- Markdown --------------------------------------------------------------------------------- */

interface Block {
  lang: string;
  code: string;
}

const FENCE = /^```(\w*)[^\n]*\n([\s\S]*?)^```/gm;

function codeBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(FENCE)].map(([, lang, code]) => ({ lang: lang!, code: code! }));
}

/** Markdown without its code: fenced blocks and inline code spans. */
function prose(markdown: string): string {
  return markdown.replace(FENCE, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of `[text](target)` and `![alt](target)` links. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(markdown: string): Set<string> {
  return new Set([...markdown.replace(FENCE, '').matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slug(match[1]!)));
}

/* -- Imports ---------------------------------------------------------------------------------- */

interface Imported {
  from: string;
  names: string[];
}

/** Every import from the package in a piece of TypeScript, JavaScript or JSX. */
function importsIn(code: string): Imported[] {
  const source = ts.createSourceFile('example.tsx', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const found: Imported[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    if (from !== 'react-connected-accounts' && !from.startsWith('react-connected-accounts/')) continue;
    const clause = statement.importClause;
    const names: string[] = [];
    if (clause?.name) names.push('default');
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
    found.push({ from, names });
  }
  return found;
}

/** The code of a block: an HTML block's module scripts, else the block itself. */
function scriptOf({ lang, code }: Block): string {
  if (lang !== 'html') return code;
  return [...code.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
}

let cached: Map<string, Set<string>> | undefined;

/** What each entry point's source exports, values and types alike, as TypeScript sees it. */
function entryExports(): Map<string, Set<string>> {
  cached ??= exportsOf(exported.map(sourceOf).filter((file): file is string => !!file));
  return cached;
}

function exportsOf(files: string[]): Map<string, Set<string>> {
  const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(
    files.map((file) => path.join(root, file)),
    { ...options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const result = new Map<string, Set<string>>();
  for (const file of files) {
    const source = program.getSourceFile(path.join(root, file));
    const symbol = source && checker.getSymbolAtLocation(source);
    result.set(file, new Set(symbol ? checker.getExportsOfModule(symbol).map((exported) => exported.getName()) : []));
  }
  return result;
}

/* -- The checks ------------------------------------------------------------------------------- */

// Type-checking the entry points takes a few seconds: once, up front.
beforeAll(() => void entryExports(), 60_000);

describe('given the README', () => {
  it('reads in two minutes: at most 200 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(200);
  });

  it('shows the screenshot and links every page of docs/', () => {
    const targets = linkTargets(read('README.md'));
    expect(targets).toContain('docs/screenshot.png');
    for (const page of pages.filter((file) => file !== 'README.md')) expect(targets, `README.md does not link ${page}`).toContain(page);
  });
});

describe.each(pages)('given %s', (page) => {
  const markdown = read(page);

  it('links only to files that exist, and to headings that exist', () => {
    const broken: string[] = [];
    for (const target of linkTargets(markdown)) {
      // Absolute URLs and Storybook paths are not files.
      if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('?')) continue;
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const resolved = file ? path.resolve(path.dirname(path.join(root, page)), decodeURIComponent(file)) : path.join(root, page);
      if (!existsSync(resolved)) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && !anchors(readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${target}: no such heading`);
    }
    expect(broken).toEqual([]);
  });

  it('imports only what the package exports', () => {
    const imports = [
      ...codeBlocks(markdown).flatMap((block) => importsIn(scriptOf(block))),
      // Inline code such as `import { es } from 'react-connected-accounts/locales/es'`.
      ...[...markdown.replace(FENCE, '').matchAll(/`(import [^`\n]+)`/g)].flatMap((match) => importsIn(match[1]!)),
    ];
    const entries = [...new Set(imports.map(({ from }) => `.${from.slice('react-connected-accounts'.length)}`))];
    for (const entry of entries) expect(exported, `${page} imports react-connected-accounts${entry.slice(1)}, which is not in package.json's exports`).toContain(entry);
    const names = entryExports();
    const missing = imports.flatMap(({ from, names: wanted }) => {
      const file = sourceOf(`.${from.slice('react-connected-accounts'.length)}`);
      const available = file ? names.get(file)! : new Set<string>();
      return wanted.filter((name) => !available.has(name)).map((name) => `${name} from '${from}'`);
    });
    expect(missing).toEqual([]);
  });
});

describe('given an example that imports a name the package does not export', () => {
  it('is caught', () => {
    const [imported] = importsIn("import { ConnectionList, useConnectionz } from 'react-connected-accounts';");
    const names = entryExports().get('src/index.ts')!;
    expect(imported!.names.filter((name) => !names.has(name))).toEqual(['useConnectionz']);
  });
});
