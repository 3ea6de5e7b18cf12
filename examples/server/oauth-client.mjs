// The backend's side of OAuth 2.0 / OpenID Connect: the authorization URL with PKCE (S256), and
// the code exchange with the client secret. Nothing here ever reaches the browser except the
// authorization URL and the state.
import { createHash, randomBytes } from 'node:crypto';

/**
 * Reads the platform's discovery document once.
 * @param {{ issuer: string, clientId: string, clientSecret: string, redirectUri: string, scope?: string }} config
 */
export async function createOAuthClient({ issuer, clientId, clientSecret, redirectUri, scope = 'openid profile' }) {
  const response = await fetch(new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`));
  if (!response.ok) throw new Error(`The platform at ${issuer} has no discovery document (HTTP ${response.status}).`);
  const discovery = await response.json();
  if (discovery.issuer !== issuer) throw new Error(`The discovery document names issuer ${discovery.issuer}, not ${issuer}.`);

  return {
    issuer,
    /** RFC 9207: the platform names itself (`iss`) in every answer, so an answer without it is refused. */
    requiresIss: discovery.authorization_response_iss_parameter_supported === true,

    /** A new grant: the state, PKCE verifier and nonce to keep in the session, and the URL for the popup. */
    begin({ loginHint } = {}) {
      const state = token();
      const verifier = token();
      const nonce = token();
      const url = new URL(discovery.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        scope,
        state,
        nonce,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        // Re-authorizing: ask again even where the platform remembers an earlier consent.
        prompt: 'consent',
        ...(loginHint && { login_hint: loginHint }),
      }).toString();
      return { state, verifier, nonce, url: url.href };
    },

    /**
     * Exchanges the code for tokens and returns them with the signed-in account id (`sub`).
     * Throws a `PlatformError` when the platform refuses (a used or expired code, a wrong verifier).
     */
    async exchange({ code, verifier, nonce }) {
      const response = await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new PlatformError(body.error ?? 'server_error', body.error_description ?? `The token endpoint answered HTTP ${response.status}.`);
      const claims = readIdToken(body.id_token);
      // The ID token came straight from the token endpoint over the back channel, so its claims
      // are checked here rather than its signature (OpenID Connect Core 3.1.3.7).
      if (claims.iss !== issuer || ![claims.aud].flat().includes(clientId) || claims.nonce !== nonce || claims.exp * 1000 < Date.now()) {
        throw new PlatformError('invalid_token', 'The ID token is not for this client, this sign-in or this time.');
      }
      return { accountId: claims.sub, tokens: { accessToken: body.access_token, refreshToken: body.refresh_token, expiresIn: body.expires_in } };
    },
  };
}

export class PlatformError extends Error {
  constructor(error, description) {
    super(description);
    this.error = error;
    this.description = description;
  }
}

function token() {
  return randomBytes(32).toString('base64url');
}

function readIdToken(idToken) {
  if (typeof idToken !== 'string') throw new PlatformError('invalid_token', 'The platform sent no ID token.');
  try {
    return JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8'));
  } catch {
    throw new PlatformError('invalid_token', 'The ID token could not be read.');
  }
}
