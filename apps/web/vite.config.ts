import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/; `pnpm dev` proxies API and sockets to a running server.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
      '/collab': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
