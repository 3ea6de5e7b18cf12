// Builds examples/next and examples/vite on the packed tarball, as an app would install it, and
// runs a sign-in in Chromium at the nested route /settings/connections of each. Then it opens each
// callback page as a popup and checks that it hands the answer back without loading React.
// A file missing from the package fails here. Run after `npm run build`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';

const root = path.resolve(import.meta.dirname, '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };

const EXAMPLES = [
  { name: 'next', build: ['next', 'build'], serve: (port) => ['next', 'start', '-H', '127.0.0.1', '-p', port], route: '/settings/connections', callback: '/oauth/callback' },
  { name: 'vite', build: ['vite', 'build', '--logLevel', 'warn'], serve: (port) => ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], route: '/settings/connections/', callback: '/oauth/callback.html' },
];

// `node scripts/examples.mjs vite` runs one.
const chosen = EXAMPLES.filter(({ name }) => process.argv.length < 3 || process.argv.includes(name));
if (!chosen.length) throw new Error(`No example named ${process.argv.slice(2).join(', ')}: next or vite.`);

const packDir = mkdtempSync(path.join(tmpdir(), 'rca-pack-'));
const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
const tarball = path.join(packDir, filename);

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  for (const example of chosen) {
    const cwd = path.join(root, 'examples', example.name);
    const bin = (name) => path.join(cwd, 'node_modules', '.bin', name);
    // The example's own lock file, then the library from the tarball, not from this folder.
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, ...quiet });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd, ...quiet });
    execFileSync(bin(example.build[0]), example.build.slice(1), { cwd, ...quiet, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    // A free port, so a second run beside this one does not collide.
    const port = await freePort();
    const [command, ...args] = example.serve(String(port));
    const server = spawn(bin(command), args, { cwd, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    try {
      await check({ ...example, port });
      console.log(`examples/${example.name}: the sign-in and the callback page work from the packed tarball`);
    } catch (error) {
      failed = true;
      console.error(`examples/${example.name}: ${error.stack ?? error}`);
    } finally {
      server.kill();
    }
  }
} finally {
  await browser.close();
  rmSync(packDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

async function check({ port, route, callback: callbackRoute }) {
  const origin = `http://127.0.0.1:${port}`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await waitForServer(page, origin + route);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // A lapsed row's Reconnect, the dialog's Reconnect, Allow in the simulated sign-in window.
    const name = 'Reconnect Google Ads — Acme Search';
    await page.getByRole('button', { name }).click();
    const dialog = page.getByRole('dialog', { name });
    const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: 'Reconnect', exact: true }).click()]);
    // Allow hands the answer over and closes the window at once: the click may end with it.
    await popup
      .getByRole('button', { name: 'Allow' })
      .click()
      .catch((error) => {
        if (!popup.isClosed()) throw error;
      });
    await page.locator('[role="dialog"][data-stage="succeeded"]').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name }).waitFor({ state: 'detached', timeout: 30_000 });

    // The callback page, as a platform would redirect the sign-in window to it.
    const received = page.evaluate(
      () =>
        new Promise((resolve) => {
          addEventListener('message', (event) => resolve({ origin: event.origin, data: event.data }), { once: true });
          setTimeout(() => resolve({}), 30_000);
        }),
    );
    // The scripts the callback window asks for, read again once it has closed.
    const scripts = [];
    context.on('request', (request) => {
      if (request.resourceType() === 'script' && request.frame().page() !== page) scripts.push(request.url());
    });
    const [callback] = await Promise.all([page.waitForEvent('popup'), page.evaluate((url) => void open(url, 'signin', 'popup'), `${callbackRoute}?code=c-1&state=s-1`)]);
    const { origin: from, data } = await received;
    if (from !== origin || data?.result?.state !== 's-1' || data.result.code !== 'c-1') throw new Error(`the callback page sent ${JSON.stringify({ from, data })}`);
    // Handed over, the page closes itself.
    for (let wait = 0; wait < 60 && !callback.isClosed(); wait++) await new Promise((resolve) => setTimeout(resolve, 500));
    if (!callback.isClosed()) throw new Error('the callback page stayed open');
    if (scripts.length === 0) throw new Error('the callback page loaded no script');
    for (const url of scripts) {
      const code = await (await context.request.get(url)).text();
      if (/react\.(transitional\.)?element/.test(code)) throw new Error(`the callback page loaded React in ${url}`);
    }
    if (errors.length) throw new Error(`errors on the page: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The server answers once it is up: try for a minute, then give up. */
async function waitForServer(page, url) {
  let last;
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await page.goto(url);
      if (response?.ok()) return;
      last = new Error(`${url} answered ${response?.status()}`);
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw last;
}
