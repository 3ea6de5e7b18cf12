import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Three pages: a home page, the settings screen at a nested route, and the OAuth callback page.
export default defineConfig({
  plugins: [react()],
  build: {
    rollupOptions: {
      input: {
        home: 'index.html',
        connections: 'settings/connections/index.html',
        callback: 'oauth/callback.html',
      },
    },
  },
});
