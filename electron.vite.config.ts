import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devServerCsp } from './build/dev-csp';

export default defineConfig({
  main: {
    // lowdb (and its writer) and stream-json (and its stream-chain) are ESM-only: bundle them instead of requiring them at run time.
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno', 'stream-json', 'stream-chain'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          // The browser host: the same core served over a loopback WebSocket, run by plain Node.
          web: resolve(__dirname, 'src-main/web/index.ts'),
          // The admins' import of a service desk's export (docs/import.md).
          import: resolve(__dirname, 'src-main/command/import.ts'),
        },
      },
    },
  },
  preload: {
    // Sandboxed preloads must be CommonJS.
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), devServerCsp()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
