import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const here = fileURLToPath(new URL('.', import.meta.url));
const gatewayPaths = ['/api', '/auth', '/directory', '/users', '/audit', '/live', '/openapi.json', '/docs'];

/** `npm run dev:console`: hot reload here, every API path proxied to a running gateway. */
export default defineConfig({
  root: here,
  plugins: [react()],
  build: { outDir: `${here}../../dist/console`, emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(gatewayPaths.map((p) => [p, { target: gateway, changeOrigin: false }])),
  },
});
