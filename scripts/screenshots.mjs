#!/usr/bin/env node
/* -------------------------------------------------------------------------------------------------
 * npm run screenshots: PNGs of the key stories, for people to review. Not compared in CI.
 *
 * Builds the Storybook, serves it on a free loopback port, and opens each key story in Debian's
 * Chromium (CHROMIUM_PATH, default /usr/bin/chromium) after its play function has run. Writes
 * screenshots/<variant>/<story>.png for each variant (light, dark and es; 1280 and 390 px wide),
 * and docs/screenshot.png (the settings page, light, 1280 px) for the README.
 *
 *   npm run screenshots                       build, then every key story in every variant
 *   npm run screenshots -- --no-build         reuse the last build
 *   npm run screenshots -- --url http://localhost:6006/   a Storybook already running
 *   npm run screenshots -- --only dialog      key stories whose id contains "dialog"
 *   npm run screenshots -- --variant dark-390 one variant
 *   npm run screenshots -- --reflow           no PNGs: every story at 320 and 390 px, and a
 *                                             failure where the page scrolls sideways
 * -----------------------------------------------------------------------------------------------*/

import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'node_modules', '.cache', 'screenshots-storybook');
const outDir = path.join(root, 'screenshots');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The looks to take: theme, language and width. */
const VARIANTS = [
  { name: 'light', theme: 'light', locale: 'en', width: 1280 },
  { name: 'dark', theme: 'dark', locale: 'en', width: 1280 },
  { name: 'es', theme: 'light', locale: 'es', width: 1280 },
  { name: 'light-390', theme: 'light', locale: 'en', width: 390 },
  { name: 'dark-390', theme: 'dark', locale: 'en', width: 390 },
  { name: 'es-390', theme: 'light', locale: 'es', width: 390 },
];

/** The key stories. `page: false`: the viewport only (a dialog, or a list too long to print). */
const STORIES = [
  { id: 'pages-connections--journey' },
  { id: 'pages-connections--log-in' },
  { id: 'components-connectionlist--loaded' },
  { id: 'components-connectionlist--brand-logos' },
  { id: 'components-connectionlist--loading' },
  { id: 'components-connectionlist--empty' },
  { id: 'components-connectionlist--load-error' },
  { id: 'components-connectionlist--refresh-error' },
  { id: 'components-connectionlist--long-list-with-search', page: false },
  { id: 'components-connectionlist--needs-attention-filter' },
  { id: 'components-connectionlist--long-text' },
  { id: 'components-connectionlist--reconnecting' },
  { id: 'components-connectionlist--headless' },
  { id: 'components-statusbadge--all-statuses' },
  ...[
    'advertising-impact',
    'auto-tagging-unknown',
    'auto-tagging-off',
    'crm-impact',
    'other-platform-impact',
    'no-rights',
    'long-account-name',
    'starting',
    'waiting',
    'window-closed',
    'blocked',
    'completing',
    'succeeded',
    'succeeded-with-backfill',
    'failed',
    'platform-refused',
    'cancelled',
    'wrong-account',
    'credentials-form',
    'credentials-accepted',
    'credentials-refused',
  ].map((name) => ({ id: `components-reauthorizedialog--${name}`, page: false })),
];

/** The README's picture. */
const README_SHOT = { id: 'pages-connections--journey', variant: VARIANTS[0], file: path.join(root, 'docs', 'screenshot.png') };

/* -------------------------------------------------------------------------------------------------
 * Main
 * -----------------------------------------------------------------------------------------------*/

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const reflow = args.includes('--reflow');

const given = option('--url');
if (!given && (!args.includes('--no-build') || !existsSync(path.join(buildDir, 'index.json')))) build();
const server = given ? null : await serve(buildDir);
const base = given ? new URL('./', given).href : `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
let failures = 0;
try {
  if (reflow) failures = await checkReflow();
  else failures = await takeScreenshots();
} finally {
  await browser.close();
  server?.close();
}
process.exitCode = failures ? 1 : 0;

/* -------------------------------------------------------------------------------------------------
 * Screenshots
 * -----------------------------------------------------------------------------------------------*/

async function takeScreenshots() {
  const only = option('--only');
  const variants = VARIANTS.filter((variant) => !option('--variant') || variant.name === option('--variant'));
  const stories = STORIES.filter((story) => !only || story.id.includes(only));
  // A full run replaces the last one; a partial one adds to it.
  if (!only && !option('--variant')) rmSync(outDir, { recursive: true, force: true });
  let failed = 0;
  for (const variant of variants) {
    mkdirSync(path.join(outDir, variant.name), { recursive: true });
    for (const story of stories) {
      const file = path.join(outDir, variant.name, `${story.id}.png`);
      const problem = await shoot(story, variant, file);
      console.log(`${problem ? '✗' : '✓'} ${variant.name.padEnd(9)} ${story.id}${problem ? `  ${problem}` : ''}`);
      if (problem) failed += 1;
    }
  }
  if (!only || README_SHOT.id.includes(only)) {
    const problem = await shoot({ id: README_SHOT.id }, README_SHOT.variant, README_SHOT.file);
    console.log(`${problem ? '✗' : '✓'} README    ${path.relative(root, README_SHOT.file)}${problem ? `  ${problem}` : ''}`);
    if (problem) failed += 1;
  }
  console.log(`\n${failed ? `${failed} failed; ` : ''}PNGs in ${path.relative(root, outDir)}/`);
  return failed;
}

/** One story in one variant, after its play function; returns what went wrong, if anything. */
async function shoot(story, variant, file) {
  const { page, errors, close } = await open(story.id, variant, 800);
  try {
    await page.screenshot({ path: file, fullPage: story.page !== false, animations: 'disabled' });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    return [...errors, wide > 0 && `scrolls sideways by ${wide}px`].filter(Boolean).join('; ');
  } finally {
    await close();
  }
}

/* -------------------------------------------------------------------------------------------------
 * Reflow: every story at 320 and 390 px
 * -----------------------------------------------------------------------------------------------*/

async function checkReflow() {
  const index = given ? await (await fetch(new URL('index.json', base))).json() : JSON.parse(readFileSync(path.join(buildDir, 'index.json'), 'utf8'));
  const ids = Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id);
  let failed = 0;
  for (const id of ids) {
    const widths = [];
    for (const width of [320, 390]) {
      const { page, errors, close } = await open(id, { theme: 'light', locale: 'en', width }, 640);
      try {
        const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
        const ok = scrollWidth <= innerWidth && !errors.length;
        if (!ok) failed += 1;
        widths.push(`${width}: ${ok ? 'ok' : `scrollWidth ${scrollWidth}${errors.length ? `, ${errors.join('; ')}` : ''}`}`);
      } finally {
        await close();
      }
    }
    console.log(`${id.padEnd(58)} ${widths.join('   ')}`);
  }
  console.log(`\n${failed ? `${failed} failed` : 'No story scrolls sideways at 320 or 390 px.'}`);
  return failed;
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** Opens a story in a fresh page and waits until its play function has finished. */
async function open(id, { theme, locale, width }, height) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce', locale: locale === 'es' ? 'es-ES' : 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message.split('\n')[0]));
  page.on('console', (message) => {
    if (message.type() === 'error' && /AssertionError|TestingLibraryElementError|Error:/.test(message.text())) errors.push(message.text().replace(/\s+/g, ' ').slice(0, 300));
  });
  await page.goto(`${base}iframe.html?id=${id}&viewMode=story&globals=theme:${theme};locale:${locale}`);
  await page
    .waitForFunction(() => ['finished', 'errored', 'aborted'].includes(globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase), null, { timeout: 60_000 })
    .catch(() => errors.push('the story did not finish within 60 s'));
  await page.evaluate(() => document.fonts.ready);
  // A frame for the last state change to paint.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { page, errors, close: () => context.close() };
}

function build() {
  console.log('Building the Storybook…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '--test', '--quiet', '-o', buildDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`storybook build exited with ${result.status}`);
}

/** A static file server for the build, on a free loopback port. */
function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = path.join(dir, path.normalize(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
