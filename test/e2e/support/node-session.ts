/* -------------------------------------------------------------------------------------------------
 * A browser session for Node: fetch with a cookie jar, and an EventSource over that fetch
 *
 * Node 20 has neither cookies in fetch nor EventSource; the contract tests need both to talk to
 * the example backend the way a browser does.
 * -----------------------------------------------------------------------------------------------*/

export interface NodeSession {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  /** The next request fails as a network error does (nothing listens where it goes). */
  failNextRequest(): void;
}

export function createNodeSession(origin: string): NodeSession {
  let cookie = '';
  let failNext = false;

  const sessionFetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    // Browsers send the page's origin with every POST; the backend checks it.
    if (init.method === 'POST') headers.set('Origin', origin);
    let url = String(input);
    if (failNext) {
      failNext = false;
      url = url.replace(origin, 'http://127.0.0.1:9');
    }
    const response = await fetch(url, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return response;
  }) as typeof fetch;

  class SessionEventSource {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSED = 2;
    readyState = SessionEventSource.CONNECTING;
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    private readonly controller = new AbortController();

    constructor(readonly url: string) {
      void this.read();
    }

    close(): void {
      this.readyState = SessionEventSource.CLOSED;
      this.controller.abort();
    }

    private async read(): Promise<void> {
      try {
        const response = await sessionFetch(this.url, { headers: { Accept: 'text/event-stream' }, signal: this.controller.signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        this.readyState = SessionEventSource.OPEN;
        this.onopen?.(new Event('open'));
        const decoder = new TextDecoder();
        let buffer = '';
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n');
            if (data && this.readyState === SessionEventSource.OPEN) this.onmessage?.(new MessageEvent('message', { data }));
          }
        }
        throw new Error('The stream ended.');
      } catch {
        if (this.readyState === SessionEventSource.CLOSED) return;
        this.onerror?.(new Event('error'));
      }
    }
  }

  return {
    fetch: sessionFetch,
    EventSource: SessionEventSource as unknown as typeof EventSource,
    failNextRequest: () => {
      failNext = true;
    },
  };
}
