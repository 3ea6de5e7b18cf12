import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionList, ConnectionsProvider, createMemoryAdapter } from 'react-connected-accounts';
import 'react-connected-accounts/styles.css';

// Made once, at module scope: every component that shares it shares one store.
const adapter = createMemoryAdapter();

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <h1>Connections</h1>
    <ConnectionsProvider adapter={adapter}>
      <ConnectionList />
    </ConnectionsProvider>
  </StrictMode>,
);
