import { expect, test } from '@playwright/test';
import { app, collectErrors } from './helpers';

/**
 * Issue #12 item 10: the built app runs under a strict Content-Security-Policy (src/app/csp.ts):
 * no inline script, no eval. Every securitypolicyviolation the page reports is collected from
 * before the first script runs; the app must still play, answer the console, open the YAML editor
 * (CodeMirror's styles), and register its service worker.
 */
test.use({ viewport: { width: 1280, height: 720 } });

test('the built app runs under its CSP with no violation reported', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  const errors = collectErrors(page);
  const response = await page.goto('/');
  // The policy arrives both ways: the header from `vite preview` and the meta tag in the built page.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toContain('unsafe-eval');
  expect(meta).not.toContain('unsafe-inline');

  const a = app(page);
  // The first visit opens the first lesson and its scenario: let that settle before picking another.
  await expect(a.status).toHaveAttribute('data-scenario', /./, { timeout: 30_000 });
  await expect(a.status).toContainText('Sim time 0:00');
  await a.pickScenario('php-apache');
  await a.setSpeed(100);
  await a.playFor(1500);
  expect(await a.simSeconds()).toBeGreaterThan(0);
  await a.run('kubectl get nodes');
  await expect(page.getByTestId('terminal-output')).toContainText('Ready');
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.locator('.cm-editor')).toBeVisible();
  // CodeMirror styled itself (constructed stylesheets are outside style-src): gutters are laid out.
  await expect(page.locator('.cm-gutters')).toBeVisible();

  // The service worker registers from the bundle (no inline registration script).
  const scope = await page.evaluate(async () => {
    const reg = await Promise.race([navigator.serviceWorker.ready, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    return reg ? reg.scope : null;
  });
  expect(scope).toContain('127.0.0.1');

  await page.screenshot({ path: 'test-results/csp-app.png' });
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations).toEqual([]);
  expect(consoleCsp).toEqual([]);
  expect(errors).toEqual([]);
});
