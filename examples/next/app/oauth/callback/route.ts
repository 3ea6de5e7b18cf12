// The OAuth redirect URI: a plain HTML page, no React. Its one script is the library's callback
// entry, served as-is next to it (see [module]/route.ts). The in-memory adapter needs no callback
// page; a real adapter's platforms redirect here.
const page = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Signing in…</title>
<script type="module">
  import { handleAuthorizationCallback } from '/oauth/callback/callback.js';
  handleAuthorizationCallback();
</script>
</html>`;

export function GET() {
  return new Response(page, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
