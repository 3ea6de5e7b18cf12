// The stand-in platform: a real OpenID Connect authorization server (oidc-provider) on loopback,
// with its built-in development login and consent pages. Any login name is accepted and becomes
// the account id (the token's `sub`); any password will do. For local runs and tests only.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

/**
 * Starts the platform and resolves with its issuer URL and a function that stops it.
 * @param {{ port?: number, host?: string, clientId: string, clientSecret: string, redirectUri: string }} options
 */
export async function startDevPlatform({ port = 0, host = 'localhost', clientId, clientSecret, redirectUri }) {
  const server = createServer();
  await new Promise((resolve) => server.listen(port, host === 'localhost' ? '127.0.0.1' : host, resolve));
  const issuer = `http://${host}:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Every authorization must carry an S256 code challenge.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Fresh signing keys per run, and explicit lifetimes: a code lives one minute.
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'dev', alg: 'RS256', use: 'sig' }] },
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Grant: 3600, Interaction: 600, Session: 3600 },
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, name: sub }) }),
  });
  provider.on('server_error', (_ctx, error) => console.error('platform error:', error));
  server.on('request', provider.callback());

  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
