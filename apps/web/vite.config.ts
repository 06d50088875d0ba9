/**
 * Vite config of the web simulator: React, relative asset paths (so the
 * static build works from any file server and folder), ES-module workers
 * (the model worker starts the Monte Carlo workers itself).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, target: 'es2023' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
