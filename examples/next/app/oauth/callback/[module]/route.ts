import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// The files of `react-connected-accounts/callback` as the package ships them: the entry and the
// chunks it imports. Nothing else of the package, and no React.
// Resolved by Node when the server starts, not bundled.
const dist = path.dirname(createRequire(import.meta.url).resolve(/* turbopackIgnore: true */ 'react-connected-accounts/callback'));

export async function GET(_request: Request, { params }: { params: Promise<{ module: string }> }) {
  const { module } = await params;
  if (!/^(callback|chunk-[A-Z0-9]+)\.js$/.test(module)) return new Response('Not found', { status: 404 });
  const code = await readFile(path.join(dist, module), 'utf8').catch(() => undefined);
  if (code === undefined) return new Response('Not found', { status: 404 });
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
