import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/* `npm run bench`: the render benchmark, in Debian's Chromium, one process, ratios printed. */
export default defineConfig({
  plugins: [react()],
  root: new URL('..', import.meta.url).pathname,
  test: {
    name: 'bench',
    include: ['bench/**/*.bench.tsx'],
    testTimeout: 600_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
