import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FORGED_CODE, HOSTILE_DESCRIPTION, SIGN_IN_PAGE_LOADED } from './oauth-provider-modes';
import type { ProviderMode } from './oauth-provider-modes';

/* -------------------------------------------------------------------------------------------------
 * A stand-in OAuth authorization server on its own loopback origin, for the browser tests
 * (Node only; started by global-setup.ts). Its modes are described in oauth-provider-modes.ts.
 * -----------------------------------------------------------------------------------------------*/

export interface ProviderServer {
  url: string;
  close(): Promise<void>;
}

export async function startProviderServer(): Promise<ProviderServer> {
  const server = http.createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      send(response, 500, 'text/plain', 'The stand-in provider failed.');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function handle(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/authorize') return send(response, 404, 'text/plain', 'Not found.');

  const state = url.searchParams.get('state') ?? '';
  const mode = url.searchParams.get('mode') as ProviderMode | null;
  const redirect = readRedirect(url.searchParams.get('redirect_uri'));
  if (!redirect || !state) return send(response, 400, 'text/plain', 'A redirect_uri on localhost and a state are required.');

  const back = (params: Record<string, string>) => {
    const target = new URL(redirect);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    return target.href;
  };
  const code = `code-${randomBytes(8).toString('hex')}`;

  switch (mode) {
    case 'allow':
      return redirectTo(response, back({ code, state }));
    case 'deny':
      return redirectTo(response, back({ error: 'access_denied', error_description: HOSTILE_DESCRIPTION, state }));
    case 'wrong-state':
      return redirectTo(response, back({ code, state: `${state}-tampered` }));
    case 'forge':
      return send(response, 200, 'text/html', page('Signing in', forgeScript(back({ code, state }), state)));
    case 'wait':
      // Tells the app's page (its exact origin) that the sign-in page is up, so a test can close
      // it as a user would: after it showed. The library ignores the message (not its shape).
      return send(response, 200, 'text/html', page('Sign in', `window.opener && window.opener.postMessage(${json(SIGN_IN_PAGE_LOADED + state)}, ${json(redirect.origin)});`));
    case 'coop':
      return send(response, 200, 'text/html', page('Signing in', redirectScript(back({ code, state }))), {
        'Cross-Origin-Opener-Policy': 'same-origin',
      });
    default:
      return send(response, 400, 'text/plain', 'Unknown mode.');
  }
}

/** Only the test app's own callback page, on localhost, is a valid redirect URI. */
function readRedirect(value: string | null): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && url.hostname === 'localhost' ? url : null;
  } catch {
    return null;
  }
}

function forgeScript(target: string, state: string): string {
  const forged = {
    type: 'react-connected-accounts:authorization-result',
    version: 1,
    result: { state, code: FORGED_CODE, params: { state, code: FORGED_CODE } },
  };
  const appOrigin = new URL(target).origin;
  return `
    var forged = ${json(forged)};
    if (window.opener) {
      window.opener.postMessage(forged, '*');
      window.opener.postMessage(forged, ${json(appOrigin)});
    }
    setTimeout(function () { window.location.replace(${json(target)}); }, 300);`;
}

function redirectScript(target: string): string {
  return `setTimeout(function () { window.location.replace(${json(target)}); }, 300);`;
}

function page(title: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1><p>Stand-in platform for the browser tests.</p></main>
${script ? `<script>${script}</script>` : ''}</body></html>`;
}

/** JSON that is safe inside an inline script. */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function redirectTo(response: http.ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  response.end();
}

function send(response: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', ...headers });
  response.end(body);
}
