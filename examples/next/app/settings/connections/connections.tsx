'use client';

// The client boundary: the adapter is made here, in the browser, once per mount.
import { useState } from 'react';
import { ConnectionList, ConnectionsProvider, createMemoryAdapter } from 'react-connected-accounts';
import 'react-connected-accounts/styles.css';

export function Connections() {
  const [adapter] = useState(() => createMemoryAdapter());
  return (
    <ConnectionsProvider adapter={adapter}>
      <ConnectionList />
    </ConnectionsProvider>
  );
}
