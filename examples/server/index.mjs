// Runs the example: `node examples/server/index.mjs` (after `npm run build`), then open the URL it prints.
//
// Without OIDC_ISSUER it also starts a stand-in platform (a real OpenID Connect server with
// development login and consent pages) on loopback. Environment:
//   PORT            the app's port (default 4400)
//   PLATFORM_PORT   the stand-in platform's port (default 4401)
//   OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET   use your own authorization server instead;
//                   register http://127.0.0.1:PORT/oauth/callback as its redirect URI.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startApp } from './app.mjs';
import { startDevPlatform } from './dev-platform.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
if (!existsSync(`${root}dist/index.js`)) {
  console.error('The example uses the built library: run `npm run build` first.');
  process.exit(1);
}

const port = Number(process.env.PORT ?? 4400);
const clientId = process.env.OIDC_CLIENT_ID ?? 'connections-example';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? randomBytes(24).toString('base64url');
const platform = process.env.OIDC_ISSUER
  ? { issuer: process.env.OIDC_ISSUER, close: async () => {} }
  : await startDevPlatform({ port: Number(process.env.PLATFORM_PORT ?? 4401), clientId, clientSecret, redirectUri: `http://127.0.0.1:${port}/oauth/callback` });

let app;
try {
  app = await startApp({ port, platform: { issuer: platform.issuer, clientId, clientSecret }, stylesheet: `${root}dist/styles.css` });
} catch (error) {
  console.error(`The example could not start: ${error instanceof Error ? error.message : error}`);
  console.error('If dist/ predates this checkout, run `npm run build` again.');
  await platform.close();
  process.exit(1);
}

console.info(`Connections example: ${app.origin}/`);
console.info(`Platform (sign in with the connection's account id, e.g. "acme-search", any password): ${platform.issuer}`);

const stop = async () => {
  await app.close();
  await platform.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
