// Bundles the two browser pages (the demo list and the OAuth callback) in memory when the server
// starts, so the example needs no build step of its own. The library comes from its build
// (`dist/`, through the package's own name) unless `libraryEntry` points elsewhere.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Resolves with a map from `/assets/<file>` to `{ type, text }`. */
export async function bundleClient({ libraryEntry } = {}) {
  const result = await build({
    entryPoints: { demo: here('client/demo.js'), callback: here('client/callback.js') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    write: false,
    outdir: here('assets'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    plugins: libraryEntry ? [libraryFrom(libraryEntry)] : [],
  });
  const assets = new Map();
  for (const file of result.outputFiles) {
    assets.set(`/assets/${file.path.split(/[\\/]/).pop()}`, { type: 'text/javascript; charset=utf-8', text: file.text });
  }
  return assets;
}

function libraryFrom(entry) {
  return {
    name: 'library-entry',
    setup(builder) {
      builder.onResolve({ filter: /^react-connected-accounts$/ }, () => ({ path: entry }));
    },
  };
}
