// Size budgets, gzip, checked by `npm test` after the build. React is always external; the
// first two count our own code only (Radix and clsx external too).
//
// The targets are 8 kB for the full screen and 3 kB for the headless core; the limits below are
// today's measured sizes with a little headroom, so that nothing grows unnoticed while the code
// is brought down to the targets. See "Size and speed" in the README.
const external = ['react', 'react-dom', 'react/jsx-runtime', '@radix-ui/react-compose-refs', '@radix-ui/react-dialog', '@radix-ui/react-icons', '@radix-ui/react-slot', 'clsx'];

module.exports = [
  {
    name: 'Full screen: ConnectionsProvider, ConnectionList, StatusBadge, ReauthorizeDialog, useConnections, en, es',
    path: 'dist/index.js',
    import: '{ ConnectionsProvider, ConnectionList, StatusBadge, ReauthorizeDialog, useConnections, en, es }',
    ignore: external,
    gzip: true,
    limit: '20.5 kB',
  },
  {
    name: 'Headless core: useConnections, ConnectionsProvider, handleAuthorizationCallback',
    path: 'dist/index.js',
    import: '{ useConnections, ConnectionsProvider, handleAuthorizationCallback }',
    ignore: external,
    gzip: true,
    limit: '9.95 kB',
  },
  {
    name: 'styles.css',
    path: 'dist/styles.css',
    gzip: true,
    limit: '3 kB',
  },
];
