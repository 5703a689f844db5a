import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { app, collectErrors } from './helpers';
import { expectOnScreen } from './onScreen';

const SHOTS = 'test-results/screenshots';

/** Play at `speed` until the status line's sim time reaches `seconds`, then pause. */
async function playUntil(page: Page, seconds: number, speed = 1000) {
  const a = app(page);
  await a.setSpeed(speed);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(() => a.simSeconds(), { timeout: 40_000, message: `sim time reaches ${seconds}s` }).toBeGreaterThanOrEqual(seconds);
  await page.getByRole('button', { name: /Pause/ }).click();
}

async function openAutoscalersTab(page: Page) {
  await page.getByRole('tab', { name: 'Autoscalers' }).click();
  await expect(page.getByTestId('autoscalers-panel')).toBeVisible({ timeout: 15_000 });
}

async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('vpa-hamster: the VPA card shows a target near 587m and the VPA chart is drawn', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await app(page).pickScenario('vpa-hamster');
  await playUntil(page, 600);
  await openAutoscalersTab(page);

  const card = page.getByTestId('autoscaler-card-VerticalPodAutoscaler-hamster-vpa');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('autoscaler-state')).not.toBeEmpty();
  const text = (await card.locator('.as-figures').textContent()) ?? '';
  const target = Number(/Target\s*(\d+)m/.exec(text)?.[1] ?? NaN);
  expect(target).toBeGreaterThanOrEqual(560);
  expect(target).toBeLessThanOrEqual(615);
  // The card's kubectl view is the engine's own `kubectl get vpa`.
  await expect(card.getByTestId('autoscaler-view')).toContainText(/hamster-vpa\s+Auto\s+5\d\dm/);
  await card.getByRole('button', { name: 'get krr' }).click();
  await expect(card.getByTestId('autoscaler-view')).toContainText('Running Simple Strategy');

  const chart = page.getByTestId('chart-vpa-cpu-hamster-vpa');
  await expect(chart).toBeVisible();
  await expect(chart.locator('.legend')).toContainText(/target 5\d\d/);
  await expect(chart.locator('.legend')).toContainText('request (per pod)');
  await expect(page.getByTestId('chart-vpa-memory-hamster-vpa')).toBeVisible();
  await screenshot(page, 'autoscalers-vpa-hamster');
  expect(errors).toEqual([]);
});

/** Sweep the pointer across a panel's plot and read one legend entry's value at each step. */
async function sweepLegend(page: Page, testId: string, entry: RegExp, steps = 40): Promise<number[]> {
  const chart = page.getByTestId(testId);
  const box = await chart.locator('svg.overlay').boundingBox();
  if (!box) throw new Error(`${testId} has no plot`);
  const values: number[] = [];
  // The plot starts after the y axis (44 px or more, src/ui/charts/axisMargins.ts) and ends about 14 px
  // before the right edge; the hover time is capped at the current time, so the sweep's last points
  // read the newest sample.
  for (let i = 0; i <= steps; i++) {
    const x = box.x + 46 + ((box.width - 56) * i) / steps;
    await page.mouse.move(x, box.y + box.height / 2);
    const legend = (await chart.locator('.legend').textContent()) ?? '';
    const m = entry.exec(legend);
    if (m) values.push(Number(m[1]));
  }
  await page.mouse.move(0, 0);
  return values;
}

test('keda-sqs-queue: the queue chart shows depth rising, then draining; the ScaledObject is banded active', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await app(page).pickScenario('keda-sqs-queue');
  await playUntil(page, 600);

  await expect(page.getByTestId('chart-queue-depth-orders')).toBeVisible();
  await expect(page.getByTestId('chart-queue-age-orders')).toBeVisible();
  const depth = await sweepLegend(page, 'chart-queue-depth-orders', /depth (\d+)/);
  expect(depth.length).toBeGreaterThan(20);
  const peak = Math.max(...depth);
  const peakAt = depth.indexOf(peak);
  expect(peak).toBeGreaterThan(100);
  expect(depth.slice(0, peakAt).some((d) => d < peak / 2)).toBe(true);
  expect(depth.slice(peakAt).some((d) => d === 0)).toBe(true);
  // While the trigger was active, the ScaledObject panel is shaded.
  await expect(page.getByTestId('bands-scaledobject-order-processor').locator('rect').first()).toBeAttached();

  await openAutoscalersTab(page);
  const so = page.getByTestId('autoscaler-card-ScaledObject-order-processor');
  await expect(so).toContainText('Active');
  await so.getByRole('button', { name: 'describe scaledobject order-processor' }).click();
  await expect(so.getByTestId('autoscaler-view')).toContainText('Kind:         ScaledObject');
  await expect(page.getByTestId('autoscaler-card-Queue-orders')).toContainText('Depth');
  await page.getByTestId('chart-queue-age-orders').scrollIntoViewIfNeeded();
  await screenshot(page, 'autoscalers-keda-sqs-queue');
  expect(errors).toEqual([]);
});

test('karpenter-inflate: the NodePool card shows its NodeClaim', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await app(page).pickScenario('karpenter-inflate');
  await playUntil(page, 200, 100);
  await openAutoscalersTab(page);

  const card = page.getByTestId('autoscaler-card-NodePool-default');
  await expect(card).toContainText(/NodeClaims\s*1/);
  const view = card.getByTestId('autoscaler-view');
  await expect(view).toContainText('$ kubectl get nodeclaims');
  await expect(view).toContainText(/default-[a-z0-9]+\s+c5a?\.\w+\s+spot/);
  await expect(card).toContainText('last batch');
  await expect(page.getByTestId('chart-nodeclaims-karpenter')).toBeVisible();
  await page.getByTestId('chart-nodeclaims-karpenter').scrollIntoViewIfNeeded();
  await screenshot(page, 'autoscalers-karpenter-inflate');
  expect(errors).toEqual([]);
});

/**
 * Projector mode at 1280×720 beside a lesson: the Autoscalers tab is about 570 CSS px wide there.
 * Every card fits its width (the tab never scrolls sideways) and every state badge shows whole,
 * in English and in Korean.
 */
for (const lang of ['en', 'ko'] as const) {
  test(`projector at 1280×720 (${lang}): each autoscaler card and its state badge fit the tab`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.addInitScript((l) => {
      localStorage.setItem('playground.lang', l);
      localStorage.setItem('playground.projector', '1');
    }, lang);
    await page.goto('/#lesson=keda&step=3');
    await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('tab', { name: lang === 'en' ? 'Autoscalers' : '오토스케일러' }).click();
    const panel = page.getByTestId('autoscalers-panel');
    const badges = panel.getByTestId('autoscaler-state');
    await expect(badges.first()).toBeVisible({ timeout: 15_000 });
    expect(await badges.count()).toBeGreaterThanOrEqual(2);
    expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    for (const badge of await badges.all()) {
      await badge.scrollIntoViewIfNeeded();
      await expectOnScreen(badge);
    }
    await screenshot(page, `autoscalers-projector-${lang}`);
    expect(errors).toEqual([]);
  });
}

/**
 * kubectl describe pads its values to a column ~360 px in. At 1280×720 the HPA card's view stood
 * beside its figures, ~340 px wide, and showed only the keys: the values must be inside the view's box.
 * Then the panel's Enlarge button gives it about half the page, in projector mode too, with the
 * eight tabs and the button on one row beside a lesson.
 */
test('1280×720: describe hpa shows its values, and Enlarge gives the bottom panel half the page', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await app(page).pickScenario('hpa-php-apache');
  await playUntil(page, 150, 100);
  await openAutoscalersTab(page);
  const card = page.getByTestId('autoscaler-card-HorizontalPodAutoscaler-php-apache');
  await card.getByRole('button', { name: 'describe hpa php-apache' }).click();
  const view = card.getByTestId('autoscaler-view');
  await expect(view).toContainText('Reference:');
  const valueRight = await view.evaluate((el) => {
    const range = document.createRange();
    const text = [...el.childNodes].find((n) => n.textContent?.includes('Deployment/php-apache'))!;
    const at = text.textContent!.indexOf('Deployment/php-apache');
    range.setStart(text, at);
    range.setEnd(text, at + 'Deployment/php-apache'.length);
    return range.getBoundingClientRect().right - el.getBoundingClientRect().right;
  });
  expect(valueRight, 'the Reference value ends inside the view').toBeLessThanOrEqual(0);

  const bottom = page.locator('section.bottom');
  const before = (await bottom.boundingBox())!.height;
  await page.getByTestId('panel-size').click();
  await expect(page.getByTestId('panel-size')).toHaveAttribute('aria-pressed', 'true');
  const large = (await bottom.boundingBox())!.height;
  expect(large).toBeGreaterThan(before * 1.5);
  expect(large).toBeGreaterThanOrEqual(720 * 0.45);
  await page.getByTestId('panel-size').click();
  await expect.poll(async () => (await bottom.boundingBox())!.height).toBeCloseTo(before, 0);

  // Projector, beside a lesson: enlarged, the panel is still about half the page and the row holds every tab.
  await page.getByTestId('projector-toggle').click();
  await page.goto('/#lesson=hpa&step=1');
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('panel-size').click();
  const projected = (await bottom.boundingBox())!.height;
  expect(projected).toBeGreaterThanOrEqual(720 * 0.45);
  const tabs = page.getByRole('tab');
  const firstTop = (await tabs.first().boundingBox())!.y;
  for (const tab of await tabs.all()) {
    expect(Math.abs((await tab.boundingBox())!.y - firstTop), 'all tabs on one row').toBeLessThan(2);
    await expectOnScreen(tab);
  }
  await expectOnScreen(page.getByTestId('panel-size'));
  await screenshot(page, 'bottom-panel-enlarged-projector');
  expect(errors).toEqual([]);
});
