import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the Fastify server runs on its default port; the dev server forwards to it so
// the session cookie stays same-origin.
const server = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': server, '/healthz': server, '/readyz': server },
  },
});
