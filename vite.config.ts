import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './src/app/csp';

export default defineConfig({
  plugins: [
    react(),
    // The CSP as a <meta> in the built page only: the dev server's React refresh preamble is inline.
    {
      name: 'content-security-policy',
      apply: 'build',
      transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
    // Offline after the first visit (docs/deploy.md): Workbox precaches the whole build, lazy
    // chunks included (the YAML tab's editor, the engine), so every example and tab works with no
    // network. The page registers the worker itself (src/app/UpdatePrompt.tsx): no inline script,
    // so a strict CSP (script-src 'self') holds. A new build waits until the person accepts it.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
        // The Korean font's ~100 unicode-range subsets are fetched as needed and cached on use.
        globIgnores: ['**/noto-sans-kr-*'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /noto-sans-kr-.*\.woff2?$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'fonts', expiration: { maxEntries: 300 } },
          },
        ],
      },
    }),
  ],
  base: './',
  // `vite preview` (the browser tests' server) sends the same policy as a header (src/app/csp.ts).
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['src/testing/loadEngine.ts'],
    testTimeout: 60_000,
  },
});
