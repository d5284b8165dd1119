import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The console builds into dist/console, which the server serves at `/`. `npm run console:dev` proxies the API to a running server. */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: true },
      '/simulador': { target: process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
});
