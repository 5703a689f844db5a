/**
 * The Content-Security-Policy of the built app (issue #12 item 10), one string used twice:
 * a <meta http-equiv> in the built index.html (static hosts such as GitHub Pages send no headers)
 * and the header `vite preview` sends (vite.config.ts). Not applied to the dev server, whose
 * React refresh preamble is an inline script.
 *
 * - script-src 'self': no inline script, no eval (zod runs jitless: src/scenario/zodConfig.ts);
 * - style-src 'self': styles come from the built CSS; React and D3 set inline styles through the
 *   CSSOM, which CSP does not govern; CodeMirror uses constructed stylesheets;
 * - worker-src 'self' blob: the service worker (sw.js) and the engine's Web Worker;
 * - img/font data: small assets Vite inlines, blob: images of exported PNGs;
 * - no frame-ancestors: embed mode (#embed=1) is meant to be framed by other sites.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
