import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const here = fileURLToPath(new URL('.', import.meta.url));
const gatewayPaths = ['/api', '/auth', '/directory', '/users', '/audit', '/live', '/openapi.json', '/docs'];

/**
 * Brotli and gzip copies beside each script and stylesheet, made once at build time: the gateway
 * sends them to browsers that accept them (a slow phone connection gets a third of the bytes)
 * without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'bangbang-precompress',
    apply: 'build',
    writeBundle(options) {
      const assets = join(options.dir!, 'assets');
      for (const name of readdirSync(assets).filter((n) => /\.(js|css|svg)$/.test(n))) {
        const file = readFileSync(join(assets, name));
        writeFileSync(join(assets, `${name}.br`), brotliCompressSync(file, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(join(assets, `${name}.gz`), gzipSync(file, { level: 9 }));
      }
    },
  };
}

/**
 * `npm run dev:console`: hot reload here, every API path proxied to a running gateway. Three pages
 * with their own bundles: the staff console (/), the residents' site (/m/) and the volunteers' app
 * (/v/); the mobile ones share React and the query client with it but none of antd.
 */
export default defineConfig({
  root: here,
  plugins: [react(), precompress()],
  build: {
    outDir: `${here}../../dist/console`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2_000,
    rollupOptions: { input: { console: `${here}index.html`, residents: `${here}m/index.html`, volunteers: `${here}v/index.html` } },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(gatewayPaths.map((p) => [p, { target: gateway, changeOrigin: false }])),
  },
});
