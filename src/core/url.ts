const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The authorization URL to open, as parsed, or `undefined` when it may not be opened: `https:`
 * anywhere, `http:` only on a loopback host. Anything else (`javascript:`, `data:`, relative or
 * unparseable) is refused. The parsed form is what gets opened: a string such as `https:/host`
 * parses on its own as `https://host/`, but a window resolves it against the app's own page.
 */
function safeAuthorizationUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) ? url.href : undefined;
}

export { safeAuthorizationUrl };
