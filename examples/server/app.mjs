// The example backend: the reference adapter's REST + Server-Sent-Events API, done the secure way.
//
// - A session cookie (HttpOnly, SameSite=Lax) identifies the browser; each OAuth state is bound to
//   the session that started it, used at most once, and expires.
// - PKCE (S256) and the code exchange with the client secret happen here; tokens stay here.
// - A grant for a different account than the connection's is refused (409 account_mismatch).
// - Credentials arrive only in POST bodies and are neither logged nor stored.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { bundleClient } from './bundle.mjs';
import { createOAuthClient, PlatformError } from './oauth-client.mjs';
import { createWorkspace } from './workspace.mjs';

const SESSION_COOKIE = 'rca_session';
const STATE_TTL_MS = 10 * 60 * 1000;
/** At most this many sessions are kept, the least recently used going first. */
const MAX_SESSIONS = 10_000;
/** At most this many sign-ins in progress per session, the oldest going first. */
const MAX_FLOWS = 10;
/** A session unused this long is forgotten (its sign-ins in progress expire long before). */
const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
const MAX_BODY_BYTES = 16 * 1024;
/** The longest note a request to an admin may carry, as the library's dialog allows. */
const MAX_NOTE_LENGTH = 500;

/**
 * Starts the backend and resolves with its origin and a function that stops it.
 * @param {{
 *   port?: number, host?: string,
 *   platform: { issuer: string, clientId: string, clientSecret: string },
 *   connections?: object[],
 *   libraryEntry?: string,
 *   stylesheet?: string,
 *   verifyCredentials?: (connection: object, credentials: Record<string, string>) => Promise<boolean>,
 *   backfillMs?: number,
 * }} options
 */
export async function startApp(options) {
  const { port = 0, host = '127.0.0.1' } = options;
  const server = createServer();
  await new Promise((resolve) => server.listen(port, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  const redirectUri = `${origin}/oauth/callback`;

  const oauth = await createOAuthClient({ ...options.platform, redirectUri });
  const workspace = createWorkspace(options.connections, { backfillMs: options.backfillMs });
  const assets = await bundleClient({ libraryEntry: options.libraryEntry });
  const stylesheet = options.stylesheet ? await readFile(options.stylesheet, 'utf8').catch(() => '') : '';
  const verifyCredentials = options.verifyCredentials ?? standInLoginCheck;
  /** Session id → { flows: Map<state, { connectionId, verifier, nonce, expiresAt }> }. */
  const sessions = new Map();
  const streams = new Set();

  const stopPushing = workspace.onChange((connection) => {
    for (const stream of streams) stream.write(`data: ${JSON.stringify(connection)}\n\n`);
  });

  /* -- API -------------------------------------------------------------------------------------- */

  const api = {
    'GET /connections': async () => [200, workspace.list()],

    'POST /connections/:id/authorization': async ({ session, connection }) => {
      if (connection.authMethod === 'credentials') throw new ApiError(400, 'unsupported', 'This connection signs in with a login form.');
      const { state, verifier, nonce, url } = oauth.begin({ loginHint: connection.accountId });
      forgetExpired(session);
      session.flows.set(state, { connectionId: connection.id, verifier, nonce, expiresAt: Date.now() + STATE_TTL_MS });
      if (session.flows.size > MAX_FLOWS) session.flows.delete(session.flows.keys().next().value);
      return [200, { url, state }];
    },

    'POST /connections/:id/authorization/complete': async ({ session, connection, body }) => {
      const flow = typeof body.state === 'string' ? session.flows.get(body.state) : undefined;
      // Single use: whatever happens next, this state is spent.
      if (flow) session.flows.delete(body.state);
      if (!flow || flow.connectionId !== connection.id || flow.expiresAt < Date.now()) {
        throw new ApiError(400, 'state_mismatch', 'This sign-in was not started here, was already used or has expired. Start again.');
      }
      // RFC 9207, for errors too: the answer must come from the platform the grant was started with,
      // and from a platform that names itself in its answers, an answer without its name is refused.
      const iss = body.params?.iss;
      if (iss === undefined ? oauth.requiresIss : iss !== oauth.issuer) {
        throw new ApiError(400, 'provider_error', 'The answer did not come from the platform this sign-in was started with.', { providerError: 'invalid_issuer' });
      }
      if (typeof body.error === 'string') {
        throw new ApiError(400, 'provider_error', `The platform answered "${body.error}".`, {
          providerError: body.error,
          providerErrorDescription: typeof body.errorDescription === 'string' ? body.errorDescription : undefined,
        });
      }
      if (typeof body.code !== 'string' || body.code === '') throw new ApiError(400, 'adapter_failed', 'The answer carries no authorization code.');

      let grant;
      try {
        grant = await oauth.exchange({ code: body.code, verifier: flow.verifier, nonce: flow.nonce });
      } catch (error) {
        if (error instanceof PlatformError) {
          throw new ApiError(400, 'provider_error', 'The platform refused the authorization code.', { providerError: error.error, providerErrorDescription: error.description });
        }
        throw new ApiError(502, 'adapter_failed', 'The platform could not be reached to finish the sign-in.');
      }
      if (connection.accountId && grant.accountId !== connection.accountId) {
        // The tokens are for someone else's account: drop them, keep the connection as it was.
        throw new ApiError(409, 'account_mismatch', `You signed in as "${grant.accountId}", but this connection belongs to "${connection.accountId}".`);
      }
      return [200, workspace.reconnect(connection.id, grant.tokens)];
    },

    'POST /connections/:id/credentials': async ({ connection, body }) => {
      if (connection.authMethod !== 'credentials') throw new ApiError(400, 'unsupported', 'This connection signs in through the platform\'s own page.');
      const credentials = Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string'));
      if (!(await verifyCredentials(connection, credentials))) {
        // 401 with its own code: the fetch adapter reads it as invalid_credentials, and the dialog asks again.
        throw new ApiError(401, 'invalid_credentials', 'The user name or password was not accepted.');
      }
      return [200, workspace.reconnect(connection.id)];
    },

    // A user who may not reconnect asks an admin to. The note is kept as given and never logged.
    'POST /connections/:id/reauthorization-requests': async ({ connection, body }) => {
      if (connection.canReauthorize !== false) throw new ApiError(400, 'unsupported', 'You may reconnect this connection yourself.');
      const { note } = body;
      if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH)) {
        throw new ApiError(400, 'adapter_failed', `The note must be text of at most ${MAX_NOTE_LENGTH} characters.`);
      }
      return [200, workspace.requestReauthorization(connection.id, note)];
    },
  };

  /* -- HTTP ------------------------------------------------------------------------------------- */

  server.on('request', async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    try {
      if (url.pathname.startsWith('/api/')) {
        await answerApi(request, response, url.pathname.slice(4), sessionFor(request, response));
      } else if (request.method === 'GET' && url.pathname === '/') {
        // The page that uses the API starts the session; assets and unknown paths never do.
        sessionFor(request, response);
        page(response, 'Connections', '<div id="root"></div>', '/assets/demo.js', { stylesheet: Boolean(stylesheet) });
      } else if (request.method === 'GET' && url.pathname === '/oauth/callback') {
        // The code is in this URL: no Referer may carry it anywhere, no cache may keep it.
        page(response, 'Signing in', '<noscript>This page needs JavaScript to finish signing in.</noscript>', '/assets/callback.js', { callback: true });
      } else if (request.method === 'GET' && assets.has(url.pathname)) {
        const asset = assets.get(url.pathname);
        response.writeHead(200, { 'Content-Type': asset.type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
        response.end(asset.text);
      } else if (request.method === 'GET' && url.pathname === '/assets/styles.css' && stylesheet) {
        response.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
        response.end(stylesheet);
      } else {
        send(response, 404, { code: 'not_found', message: 'Nothing here.' });
      }
    } catch (error) {
      if (error instanceof ApiError) send(response, error.status, error.body);
      else {
        console.error('example backend:', error instanceof Error ? error.message : error);
        if (!response.headersSent) send(response, 500, { code: 'adapter_failed', message: 'The example backend failed.' });
        else response.end();
      }
    }
  });

  async function answerApi(request, response, path, session) {
    if (request.method === 'GET' && path === '/events') return openStream(request, response);
    if (request.method === 'POST') checkSameOrigin(request);
    const match = /^\/connections\/([^/]+)(\/.*)$/.exec(path);
    const key = `${request.method} ${match ? `/connections/:id${match[2]}` : path}`;
    const route = api[key];
    if (!route) throw new ApiError(404, 'not_found', `No route ${request.method} /api${path}.`);
    let connection;
    if (match) {
      const id = decodeId(match[1]);
      connection = workspace.get(id);
      if (!connection) throw new ApiError(404, 'adapter_failed', `There is no connection "${id}".`);
    }
    const body = request.method === 'POST' ? await readJson(request) : undefined;
    const [status, payload] = await route({ session, connection, body });
    send(response, status, payload);
  }

  function openStream(request, response) {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    response.write(': connected\n\n');
    streams.add(response);
    // A comment now and then keeps proxies from closing a quiet stream.
    const heartbeat = setInterval(() => response.write(': still here\n\n'), 25_000);
    request.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(response);
    });
  }

  /**
   * The caller's session, started (with its cookie) on the first visit. `sessions` is kept in
   * order of last use, so forgetting idle ones looks only at those that go.
   */
  function sessionFor(request, response) {
    const id = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    const now = Date.now();
    const known = id && sessions.get(id);
    if (known) {
      known.seenAt = now;
      sessions.delete(id);
      sessions.set(id, known);
      return known;
    }
    // Sessions nobody used for a while go, and the least recently used beyond the cap, so visits
    // without a cookie cannot pile up.
    for (const [key, old] of sessions) {
      if (now - old.seenAt <= SESSION_IDLE_MS && sessions.size < MAX_SESSIONS) break;
      sessions.delete(key);
    }
    const fresh = randomBytes(32).toString('base64url');
    const session = { flows: new Map(), seenAt: now };
    sessions.set(fresh, session);
    const secure = origin.startsWith('https:') ? '; Secure' : '';
    response.setHeader('Set-Cookie', `${SESSION_COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    return session;
  }

  /** Cookies ride along cross-site only on top-level GETs (SameSite=Lax); this turns away the rest. */
  function checkSameOrigin(request) {
    const from = request.headers.origin;
    if (from !== undefined && from !== origin) throw new ApiError(403, 'adapter_failed', 'Requests must come from the app\'s own origin.');
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new ApiError(415, 'adapter_failed', 'Send JSON (Content-Type: application/json).');
    }
  }

  function page(response, title, body, script, { stylesheet: styled = false, callback = false } = {}) {
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': callback
        ? "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        : "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${title}</title>${styled ? '<link rel="stylesheet" href="/assets/styles.css">' : ''}` +
        `<script type="module" src="${script}"></script></head><body>${body}</body></html>`,
    );
  }

  return {
    origin,
    redirectUri,
    requests: () => workspace.requests(),
    close: () =>
      new Promise((resolve) => {
        stopPushing();
        workspace.close();
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

class ApiError extends Error {
  constructor(status, code, message, extra = {}) {
    super(message);
    this.status = status;
    this.body = { code, message, ...extra };
  }
}

/** Stand-in for asking the platform: any user name, any password but "wrong". Never logs either. */
async function standInLoginCheck(_connection, { username, password }) {
  return Boolean(username?.trim()) && Boolean(password) && password !== 'wrong';
}

/** A connection id from the path; a malformed escape is the caller's mistake, not the server's. */
function decodeId(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ApiError(400, 'adapter_failed', 'The connection id in the address is malformed.');
  }
}

function forgetExpired(session) {
  const now = Date.now();
  for (const [state, flow] of session.flows) if (flow.expiresAt < now) session.flows.delete(state);
}

function send(response, status, payload) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(JSON.stringify(payload));
}

async function readJson(request) {
  let size = 0;
  const chunks = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'adapter_failed', 'The request body is too large.');
    chunks.push(chunk);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // Answered below.
  }
  throw new ApiError(400, 'adapter_failed', 'The request body is not a JSON object.');
}

function parseCookies(header = '') {
  const cookies = {};
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return cookies;
}
