import react from '@vitejs/plugin-react';
import { defineConfig, defaultClientConditions } from 'vite';

/**
 * The demo talks to Flowise through this dev server's proxy (`/api` → FLOWISE_API_HOST, default the bundled mock
 * on :3000), so a remote Flowise needs no CORS set-up. Direct requests (CORS) work too: set the API host in the
 * demo's settings. FLOWISE_CHATFLOW_ID preselects a chatflow.
 */
const target = process.env.FLOWISE_API_HOST ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@flowise-kit/source', ...defaultClientConditions] },
  define: {
    __FLOWISE_CHATFLOW_ID__: JSON.stringify(process.env.FLOWISE_CHATFLOW_ID ?? ''),
    __FLOWISE_PROXY_TARGET__: JSON.stringify(process.env.FLOWISE_API_HOST ? target : ''),
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target, changeOrigin: true } },
  },
  build: { target: 'es2022' },
});
