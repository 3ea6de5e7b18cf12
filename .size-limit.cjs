// Size budgets, gzip, checked by `npm test` after the build, as an app's production build sees
// the package: process.env.NODE_ENV is 'production', so development-only messages drop out.
// React, Radix and clsx are external: the budgets count this library's own code.
const external = ['react', 'react-dom', 'react/jsx-runtime', '@radix-ui/react-dialog', '@radix-ui/react-icons', 'clsx'];
// The callback entry's bare import of a shared chunk is dropped as side-effect free, rightly: quiet.
const production = (config) => ({
  ...config,
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
  logOverride: { ...config.logOverride, 'ignored-bare-import': 'silent' },
});
const check = (name, path, imported, limit) => ({ name, path, import: imported, ignore: external, gzip: true, limit, modifyEsbuildConfig: production });

module.exports = [
  check('Headless: useConnections + ConnectionsProvider', 'dist/index.js', '{ useConnections, ConnectionsProvider }', '5.2 kB'),
  check('Callback page: handleAuthorizationCallback', 'dist/callback.js', '{ handleAuthorizationCallback }', '1 kB'),
  check('Screen: ConnectionsProvider + ConnectionList, English', 'dist/index.js', '{ ConnectionsProvider, ConnectionList }', '15.6 kB'),
  ...['es', 'fr', 'de', 'it', 'nl', 'pt-BR', 'ja', 'ar'].map((tag) => check(`Locale ${tag}`, `dist/locales/${tag}.js`, '*', '3 kB')),
  { name: 'styles.css', path: 'dist/styles.css', gzip: true, limit: '3 kB' },
];
