import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { app } from './helpers';

// The page, not the one-off "ready to work offline" news a first visit shows for 6 s.
test.use({ serviceWorkers: 'block' });

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** A moment worth looking at: php-apache under load with an HPA scaling it out. */
async function busyScene(page: import('@playwright/test').Page) {
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('php-apache');
  await a.run('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10');
  await page.getByRole('slider', { name: 'Load', exact: true }).fill('12');
  await a.setSpeed(100);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(() => a.simSeconds(), { timeout: 30_000 }).toBeGreaterThan(300);
  await page.getByRole('button', { name: /Pause/ }).click();
  await a.run('kubectl get hpa');
}

for (const size of SIZES) {
  test(`screenshots at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await busyScene(page);
    mkdirSync('test-results/screenshots', { recursive: true });
    const base = `test-results/screenshots/${size.width}x${size.height}`;
    await page.screenshot({ path: `${base}-dark.png` });
    // Tests never touch tracked files: `npm run screenshots` refreshes the committed ones.
    if (size.width === 1920 && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(`${base}-dark.png`, 'docs/screenshot.png');

    await page.getByRole('tab', { name: 'Statecharts' }).click();
    await expect(page.getByTestId('statechart-hpa')).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: `${base}-statecharts.png` });
    await page.getByRole('tab', { name: 'Why' }).click();
    await page.screenshot({ path: `${base}-why.png` });
    await page.getByRole('tab', { name: 'YAML' }).click();
    await expect(page.getByTestId('yaml-editor')).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: `${base}-yaml.png` });

    await page.getByLabel('Theme', { exact: true }).selectOption('light');
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.getByLabel('Language').selectOption('ko');
    await expect(page.getByRole('button', { name: /재생/ })).toBeVisible();
    // Hover a chart: the crosshair and values show on every panel.
    const plot = page.getByTestId('chart-replicas').locator('svg.overlay');
    const box = await plot.boundingBox();
    if (box) await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.screenshot({ path: `${base}-light-ko.png` });
  });
}

/**
 * The README's compare picture: the CA example against its "Karpenter instead" preset, 30 simulated
 * minutes, the engine's scorecard (docs/compare-scorecard.png, refreshed by `npm run screenshots`),
 * plus the two node grids and the Korean page for review in test-results.
 */
test('compare screenshot: CA vs Karpenter scorecard on nginx-to-scaleout', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('ca-nginx-scaleout');
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByTestId('compare-pick').selectOption('preset:karpenter');
  await page.getByTestId('compare-start').click();
  // Exactly the scenario's 30 minutes (as the README's CLI table), B on A's clock.
  await page.evaluate(() => {
    const s = window.__playground!.getState();
    for (let i = 0; i < 1800; i++) s.stepOnce();
  });
  await expect(page.getByTestId('status')).toContainText('30:00');
  await expect(page.getByTestId('score-nodesTerminated-b')).toHaveText(/^2 @[56]:/);
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/compare-scorecard.png' });
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync('test-results/screenshots/compare-scorecard.png', 'docs/compare-scorecard.png');
  await page.getByTestId('compare-view-grids').click();
  await page.screenshot({ path: 'test-results/screenshots/compare-grids.png' });
  await page.getByLabel('Language').selectOption('ko');
  await page.getByTestId('compare-view-scorecard').click();
  await page.screenshot({ path: 'test-results/screenshots/compare-scorecard-ko.png' });
  await page.getByTestId('compare-view-grids').click();
  await page.screenshot({ path: 'test-results/screenshots/compare-grids-ko.png' });
});
