import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';

/* `npm run bench`: the render benchmark, in Debian's Chromium, one process, ratios printed. */

// Apps ship React's production build, so that is what is measured: the development build's
// checks cost more per component than per element and would misstate both sides' ratio.
process.env.NODE_ENV = 'production';

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
          executablePath: CHROMIUM_PATH,
          // gc() between measurements, so that garbage from one does not land in the next.
          args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
