import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { BrowserProviderOption } from 'vitest/node';
import { commands as browserCommands } from './test/browser/browser-commands.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.ts';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** A fresh provider per project: a shared browser config throws "project name already defined". */
function chromium(): BrowserProviderOption {
  return playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } });
}

/** Every story as a test, with the toolbar's theme set to `theme` and its language to `locale`. */
function storybookProject(name: string, theme: 'light' | 'dark', locale = 'en') {
  return {
    extends: true as const,
    plugins: [storybookTest({ configDir: path.join(dirname, '.storybook'), initialGlobals: { theme, locale } })],
    test: {
      name,
      setupFiles: ['.storybook/strict-mode.ts'],
      browser: {
        enabled: true,
        headless: true,
        provider: chromium(),
        instances: [{ browser: 'chromium' as const }],
      },
    },
  };
}

export default defineConfig({
  plugins: [react()],
  // Pre-bundle up front: a re-optimisation in the middle of a browser run loads a second React.
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react-dom/server',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      '@radix-ui/react-compose-refs',
      '@radix-ui/react-dialog',
      '@radix-ui/react-icons',
      '@radix-ui/react-slot',
      'clsx',
      '@testing-library/react',
      '@testing-library/user-event',
      'axe-core',
    ],
  },
  test: {
    // Room for a real browser on a loaded two-core machine: a 240-row story took 15 s there once.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll and expect.element wait this long for what should come, 1 s by default.
    expect: { poll: { timeout: 20_000 } },
    // The e2e tests' stand-in platform says, on every start, that it is for development: it is.
    // React 18 warns when jsdom server-renders Radix Dialog, which takes jsdom's document for a
    // browser's. A real server has no document, and no warning.
    onConsoleLog: (log) =>
      !log.includes('oidc-provider WARNING: a quick start development-only') &&
      !(log.includes('useLayoutEffect does nothing on the server') && log.includes('@radix-ui/react-dialog')),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.ts'],
          // Starts the stand-in provider on a second loopback origin.
          globalSetup: ['test/browser/global-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: chromium(),
            instances: [{ browser: 'chromium' }],
            // Forced colours, a typed password and heap snapshots (see test/browser/commands.d.ts).
            commands: browserCommands,
          },
        },
      },
      // Every story (and its play function) as a test in Chromium, with axe checks, in light and
      // dark, and in Arabic: right to left, the whole canvas and its dialogs mirrored.
      storybookProject('storybook', 'light'),
      storybookProject('storybook-dark', 'dark'),
      storybookProject('storybook-ar', 'light', 'ar'),
      {
        // Node drives Debian's Chromium through Playwright against real servers on loopback.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
        },
      },
    ],
  },
});
