import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startApp } from '../../../examples/server/app.mjs';
import type { App } from '../../../examples/server/app.mjs';
import { startDevPlatform } from '../../../examples/server/dev-platform.mjs';

/* -------------------------------------------------------------------------------------------------
 * The example backend in front of a real OpenID Connect server, both on loopback
 *
 * The app runs on 127.0.0.1 and the platform on localhost: two sites, as in production. The
 * browser pages bundle the library from source, so the test needs no build beforehand.
 * -----------------------------------------------------------------------------------------------*/

export interface OAuthStack {
  /** The app's origin: the demo page, the API under /api and the callback page. */
  origin: string;
  issuer: string;
  /** The requests to an admin the example backend kept, oldest first. */
  requests: App['requests'];
  close(): Promise<void>;
}

const libraryEntry = fileURLToPath(new URL('../../../src/index.ts', import.meta.url));

export async function startOAuthStack({ backfillMs = 300 }: { backfillMs?: number } = {}): Promise<OAuthStack> {
  const port = await freePort();
  const clientId = 'connections-e2e';
  const clientSecret = randomBytes(24).toString('base64url');
  const platform = await startDevPlatform({ clientId, clientSecret, redirectUri: `http://127.0.0.1:${port}/oauth/callback` });
  try {
    const app = await startApp({ port, platform: { issuer: platform.issuer, clientId, clientSecret }, libraryEntry, backfillMs });
    return {
      origin: app.origin,
      issuer: platform.issuer,
      requests: () => app.requests(),
      close: async () => {
        await app.close();
        await platform.close();
      },
    };
  } catch (error) {
    await platform.close();
    throw error;
  }
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
