const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether an authorization URL may be opened: `https:` anywhere, `http:` only on a loopback
 * host. Anything else (`javascript:`, `data:`, relative or unparseable) is refused.
 */
function isSafeAuthorizationUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

export { isSafeAuthorizationUrl };
