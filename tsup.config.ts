import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { defineConfig } from 'tsup';

/** Marked "use client": the React parts. `core`, `callback` and the locales are not. */
const CLIENT_ENTRIES = ['dist/index.js', 'dist/index.cjs'];

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core/index.ts',
    callback: 'src/core/callback.ts',
    testing: 'src/testing/index.ts',
    ...Object.fromEntries(['es', 'fr', 'de', 'it', 'nl', 'pt-BR', 'ja', 'ar'].map((tag) => [`locales/${tag}`, `src/locales/${tag}.ts`])),
  },
  // Words in other scripts as they are, not as \u escapes: a third smaller for Arabic.
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
  format: ['esm', 'cjs'],
  // One copy of shared code (ConnectionsError above all) for every entry, in CommonJS too.
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['react', 'react-dom', 'react/jsx-runtime'],
  tsconfig: 'tsconfig.build.json',
  onSuccess: async () => {
    // Shipped minified: what size-limit measures is what an app loads.
    writeFileSync('dist/styles.css', transformSync(readFileSync('src/styles.css', 'utf8'), { loader: 'css', minify: true }).code);
    // Bundling drops module-level directives, and a banner lands after CommonJS's "use strict":
    // put "use client" first on the main entry, shifting its source map by one line.
    for (const file of CLIENT_ENTRIES) {
      const code = readFileSync(file, 'utf8');
      if (code.startsWith('"use client";')) continue;
      writeFileSync(file, `"use client";\n${code}`);
      const map = `${file}.map`;
      if (existsSync(map)) {
        const json = JSON.parse(readFileSync(map, 'utf8')) as { mappings: string };
        json.mappings = `;${json.mappings}`;
        writeFileSync(map, JSON.stringify(json));
      }
    }
  },
});
