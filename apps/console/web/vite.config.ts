// Builds the console's web app into dist/apps/console/web, where the console server serves it.
// `npx vite --config apps/console/web/vite.config.ts` serves it with hot reload, proxying /v1
// and /console to a running console (CONSOLE_URL, default http://127.0.0.1:3000).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const consoleUrl = process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../../dist/apps/console/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/v1': consoleUrl, '/console': consoleUrl } },
});
