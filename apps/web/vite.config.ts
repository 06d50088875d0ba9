/**
 * Vite config of the web simulator: React, relative asset paths (so the
 * static build works from any file server and folder), ES-module workers
 * (the model worker starts the Monte Carlo workers itself), and a stub for
 * the Node worker pool's modules (piscina, node:module, node:url), which the
 * browser never loads.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Node-only packages swapped for a stub in the browser bundle (see src/stubs/node-only.ts). */
const nodeOnly = fileURLToPath(new URL('./src/stubs/node-only.ts', import.meta.url));

export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: { alias: { piscina: nodeOnly, 'node:module': nodeOnly, 'node:url': nodeOnly } },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, target: 'es2023' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
