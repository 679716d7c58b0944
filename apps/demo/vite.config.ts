import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite build` writes dist/, which the demo server serves. In `vite dev`, API calls go to the
// demo server (npm start) on port 3000.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@clinikapi/source'] },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
