import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The staff back office: React 19, built by Vite 8 (its built-in Oxc transform handles TSX with
// the automatic JSX runtime, so no React plugin is needed for a production build).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/backoffice/', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
  },
});
