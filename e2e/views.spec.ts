import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { app, collectErrors } from './helpers';

// Issue 15: grid filter/sort/group in the link, the Faults menu, embed mode, offline reload.

test('filter, sort and group-by-zone travel in the link and come back', async ({ page, context }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('ca-nginx-scaleout');
  await page.evaluate(() => {
    const s = window.__playground!.getState();
    for (let i = 0; i < 120; i++) s.stepOnce();
  });
  const grid = page.getByTestId('cluster-view');
  await page.getByTestId('grid-group').selectOption('zone');
  await expect(grid).toHaveAttribute('data-groups', /ap-northeast-2/);
  await page.getByTestId('grid-sort').selectOption('name');
  const order = ((await grid.getAttribute('data-node-order')) ?? '').split(' ');
  expect(order).toEqual([...order].sort());
  await page.getByTestId('grid-filter').fill('ns:kube-system');
  await expect(page.getByTestId('grid-filter-count')).toContainText('nodes match');
  await expect(page).toHaveURL(/q=ns%3Akube-system/, { timeout: 5000 });
  await expect(page).toHaveURL(/group=zone/);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('grid-filter')).toHaveValue('ns:kube-system');
  await expect(other.getByTestId('grid-group')).toHaveValue('zone');
  await expect(other.getByTestId('cluster-view')).toHaveAttribute('data-groups', /ap-northeast-2/);
  expect(errors).toEqual([]);
});

test('Faults menu: terminating a node is a logged command that replays from a shared link', async ({ page, context }) => {
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('ca-nginx-scaleout');
  await page.getByTestId('faults-menu').click();
  await page.getByTestId('fault-notready').click();
  await page.getByRole('tab', { name: 'Console' }).click();
  await expect(page.getByText(/playground fault node\//).first()).toBeVisible();
  const logged = await page.evaluate(() => window.__playground!.getState().session!.log.map((c) => c.input));
  expect(logged.some((l) => l.startsWith('playground fault node/'))).toBe(true);
  await page.evaluate(() => {
    const s = window.__playground!.getState();
    for (let i = 0; i < 60; i++) s.stepOnce();
  });
  await expect(page).toHaveURL(/t=60/, { timeout: 5000 });
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('status')).toContainText('Sim time 1:00', { timeout: 20_000 });
  const replayed = await other.evaluate(() => window.__playground!.getState().session!.log.map((c) => c.input));
  expect(replayed).toEqual(logged);
  const notReady = await other.evaluate(() => [...window.__playground!.getState().session!.world.nodes.values()].filter((n) => n.state === 'NotReady').length);
  expect(notReady).toBe(1);
});

test('Faults menu: losing a zone shows on the grid and the charts, and replays from a shared link', async ({ page, context }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await app(page).pickScenario('ca-nginx-scaleout');
  await page.evaluate(() => {
    const s = window.__playground!.getState();
    for (let i = 0; i < 20; i++) s.stepOnce();
  });
  await page.getByTestId('faults-menu').click();
  const item = page.getByTestId('fault-zone');
  await expect(item).toContainText(/ap-northeast-2[a-c]/);
  await item.click();
  const logged = await page.evaluate(() => window.__playground!.getState().session!.log.map((c) => c.input));
  expect(logged.at(-1)).toMatch(/^playground fault zone\/ap-northeast-2[a-c] --for=30m$/);
  await page.evaluate(() => {
    const s = window.__playground!.getState();
    for (let i = 0; i < 100; i++) s.stepOnce();
  });
  // The zone's node is NotReady on the grid; the fault is a red marker on every chart.
  await expect(page.getByTestId('cluster-view')).toHaveAttribute('data-not-ready', '1');
  await expect(page.getByTestId('chart-replicas').getByTestId('fault-marker')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Console' }).click();
  await expect(page.getByTestId('terminal-output')).toContainText(/lost for 30m: 1 node\(s\) stopped responding/);
  await page.screenshot({ path: 'test-results/views-zone-loss.png' });
  await expect(page).toHaveURL(/t=120/, { timeout: 5000 });
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('status')).toContainText('Sim time 2:00', { timeout: 20_000 });
  const replayed = await other.evaluate(() => window.__playground!.getState().session!.log.map((c) => c.input));
  expect(replayed).toEqual(logged);
  await expect(other.getByTestId('cluster-view')).toHaveAttribute('data-not-ready', '1');
  await expect(other.getByTestId('chart-replicas').getByTestId('fault-marker')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('embed mode inside an <iframe>: grid, charts and play for the chosen workload, nothing else', async ({ page }) => {
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('hpa-php-apache');
  await page.getByText('Export').click();
  await page.getByTestId('export-embed').click();
  await expect(page.getByTestId('embed-snippet')).toHaveValue(/^<iframe src="[^"]*embed=1"/);
  await page.getByTestId('embed-workload').selectOption('php-apache');
  await expect(page.getByTestId('embed-snippet')).toHaveValue(/embed=1&amp;w=php-apache"/);
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  // setContent leaves about:blank as the base: give the iframe an absolute src on this origin.
  const src = snippet.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
  await page.goto('/');
  await page.setContent(`<iframe src="${new URL(src, page.url()).href}" width="960" height="540" style="border:0"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('embed-bar')).toBeVisible({ timeout: 20_000 });
  await expect(frame.getByTestId('cluster-view')).toBeVisible();
  await expect(frame.getByTestId('chart-replicas')).toBeVisible();
  await expect(frame.getByRole('tab', { name: 'Console' })).toBeHidden();
  await expect(frame.getByTestId('status')).toHaveAttribute('data-scenario', 'hpa-php-apache');
  // Only the grid and the charts: no workload controls, no details; the grid filtered to the workload.
  await expect(frame.getByLabel('Workload', { exact: true })).toHaveCount(0);
  await expect(frame.getByTestId('grid-filter')).toHaveValue('php-apache');
  await expect(frame.getByTestId('chart-replicas')).toContainText('php-apache');
  // Play/pause works inside the frame.
  await frame.getByTestId('play').click();
  await expect.poll(async () => (await frame.getByTestId('status').textContent()) ?? '', { timeout: 20_000 }).not.toContain('Sim time 0:00');
  await frame.getByTestId('play').click();
  await page.screenshot({ path: 'test-results/views-embed.png' });
});

test('Korean embed at 800×450: toolbar buttons and labels keep their words whole (no break between syllables)', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.addInitScript(() => localStorage.setItem('playground.lang', 'ko'));
  await page.goto('/#embed=1');
  const toolbar = page.getByRole('toolbar', { name: /./ }).first();
  await expect(toolbar).toBeVisible({ timeout: 30_000 });
  // One line of text each: a button two syllables wide broke into two lines before (word-break: keep-all).
  for (const name of ['맞춤', '범례']) {
    const button = toolbar.getByRole('button', { name, exact: true });
    const lines = await button.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, `${name} on one line`).toBeLessThanOrEqual(1);
  }
  expect(await page.evaluate(() => getComputedStyle(document.body).wordBreak)).toBe('keep-all');
});

/** After a first visit: the page reloaded with no network, served by the service worker. */
async function reloadOffline(page: Page, context: BrowserContext) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first load is not controlled by the worker yet: reload once online so it is.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('status')).toBeVisible({ timeout: 20_000 });
}

test('offline: after the first visit a reload works with no network, the YAML tab included', async ({ page, context }) => {
  await page.goto('/');
  await app(page).pickScenario('hpa-php-apache');
  await reloadOffline(page, context);
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByText('Failed to fetch dynamically imported module')).toHaveCount(0);
  await expect(page.locator('.cm-editor').first()).toBeVisible({ timeout: 20_000 });
  await app(page).pickScenario('karpenter-inflate');
  await context.setOffline(false);
});

/** The shipped lessons: file, id, and a long line of prose that only the lesson's own text holds. */
const shippedLessons = readdirSync('lessons')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(join('lessons', file), 'utf8');
    const plain = text.split('\n').filter((l) => !/["'\\`$]/.test(l) && /^[\x20-\x7e]+$/.test(l));
    return { file, id: /^id: (\S+)/m.exec(text)![1], line: plain.reduce((a, b) => (b.length > a.length ? b : a), '').trim() };
  });

test('offline: every shipped lesson opens, though none of their text is in the first page load', async ({ page, context }) => {
  // What index.html loads before any lazy chunk (as the perf spec counts the initial bundle).
  const html = readFileSync('dist/index.html', 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => readFileSync(join('dist', m[1]), 'utf8')).join('\n');
  expect(initial.length).toBeGreaterThan(100_000);
  for (const l of shippedLessons) {
    expect(l.line.length, l.file).toBeGreaterThan(40);
    expect(initial.includes(l.line), `${l.file}: "${l.line}" is in the initial bundle`).toBe(false);
  }
  await page.goto('/');
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 30_000 });
  await reloadOffline(page, context);
  const picker = page.getByTestId('scenario-picker');
  await expect(picker.locator('option[value^="lesson:"]')).toHaveCount(shippedLessons.length, { timeout: 20_000 });
  const last = shippedLessons[shippedLessons.length - 1];
  await picker.selectOption(`lesson:${last.id}`);
  const dialog = page.getByTestId('confirm-discard');
  await expect(page.locator('[data-testid="lesson-title"], [data-testid="confirm-discard"]').first()).toBeVisible({ timeout: 20_000 });
  if (await dialog.isVisible()) await page.getByTestId('confirm-discard-run').click();
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 30_000 });
  await expect(picker).toHaveValue(`lesson:${last.id}`);
  await context.setOffline(false);
});

test('"ready to work offline" floats over the status row: the layout does not move under the pointer when it comes and goes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 30_000 });
  const top = (sel: string) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top);
  const before = { main: await top('.main'), panel: await top('aside.lesson-panel') };
  const note = page.getByTestId('offline-ready');
  await expect(note).toBeVisible({ timeout: 20_000 });
  expect({ main: await top('.main'), panel: await top('aside.lesson-panel') }).toEqual(before);
  // Over the end of the time/status row: clear of the scrubber, the cost summary and the lesson panel.
  const box = (await note.boundingBox())!;
  const row = (await page.locator('.subbar').boundingBox())!;
  const scrubber = (await page.getByRole('slider', { name: 'Time' }).boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(row.y);
  expect(box.y + box.height).toBeLessThanOrEqual(row.y + row.height);
  expect(box.x).toBeGreaterThan(scrubber.x + scrubber.width);
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);
  expect({ main: await top('.main'), panel: await top('aside.lesson-panel') }).toEqual(before);
});

/** Waits until the worker's font cache holds every woff2 slice the Korean faces name (~120 per weight). */
async function expectEveryKoreanSliceCached(page: Page): Promise<void> {
  const slices = await page.evaluate(() => {
    const urls = new Set<string>();
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (!(rule instanceof CSSFontFaceRule) || !rule.style.getPropertyValue('font-family').includes('Noto Sans KR')) continue;
        const m = /url\("?([^")]+\.woff2)/.exec(rule.style.getPropertyValue('src'));
        if (m) urls.add(new URL(m[1], sheet.href ?? document.baseURI).href);
      }
    }
    return urls.size;
  });
  expect(slices).toBeGreaterThan(200);
  const cached = () => page.evaluate(async () => (await (await caches.open('fonts')).keys()).filter((r) => r.url.endsWith('.woff2')).length);
  await expect.poll(cached, { timeout: 90_000 }).toBe(slices);
}

/** Rare syllables from several slices, in both weights: each face must load (offline: from the cache). */
async function expectRareSyllablesLoad(page: Page): Promise<void> {
  const statuses = await page.evaluate(async () => {
    const faces = [
      ...(await document.fonts.load('400 16px "Noto Sans KR"', '뷁 똠 햏 쀍 뙇')),
      ...(await document.fonts.load('700 16px "Noto Sans KR"', '뷁 똠 햏 쀍 뙇')),
    ];
    return faces.map((f) => f.status);
  });
  expect(statuses.length).toBeGreaterThan(1);
  expect(statuses.every((s) => s === 'loaded')).toBe(true);
}

test('offline in Korean: every slice of the Korean font is kept, so syllables no page drew yet still render', async ({ page, context }) => {
  await page.goto('/#lang=ko');
  await expect(page.getByTestId('status')).toBeVisible({ timeout: 30_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Every woff2 slice the Korean faces name (~120 per weight) lands in the worker's font cache in the background.
  await expectEveryKoreanSliceCached(page);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('status')).toBeVisible({ timeout: 20_000 });
  await expectRareSyllablesLoad(page);
  await page.goto('/#lesson=karpenter&step=2&lang=ko');
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'test-results/views-offline-ko.png' });
  await context.setOffline(false);
});

test.describe('in a browser that lists Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('an English page keeps the Korean font too: switched to Korean offline, syllables no page drew still render', async ({ page, context }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/#lang=en');
    await expect(page.getByTestId('status')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('tab', { name: 'YAML' })).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expectEveryKoreanSliceCached(page);
    await reloadOffline(page, context);
    await expect(page.getByRole('tab', { name: 'YAML' })).toBeVisible();
    // The reader switches to Korean with the network gone.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect(page.getByRole('combobox', { name: '언어' })).toHaveValue('ko');
    await expectRareSyllablesLoad(page);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: 'test-results/views-offline-ko-from-en.png' });
    await context.setOffline(false);
  });
});

test('the Faults, Export and Legend popups close on Escape and on a press outside, and a press inside keeps them', async ({ page }) => {
  await page.goto('/');
  const a = app(page);
  await expect(a.status).toHaveAttribute('data-scenario', /./, { timeout: 30_000 });
  const faults = page.getByTestId('faults-menu');
  await faults.click();
  await expect(page.getByTestId('fault-terminate')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('fault-terminate')).toHaveCount(0);
  await expect(faults).toBeFocused();
  await faults.click();
  await page.getByRole('menu').locator('.faults-hint').click();
  await expect(page.getByTestId('fault-terminate')).toBeVisible();
  await page.getByTestId('status').click();
  await expect(page.getByTestId('fault-terminate')).toHaveCount(0);

  await page.getByText('Export', { exact: true }).click();
  await expect(page.getByTestId('export-embed')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-embed')).toBeHidden();
  await page.getByText('Export', { exact: true }).click();
  await expect(page.getByTestId('export-embed')).toBeVisible();
  await page.getByTestId('status').click();
  await expect(page.getByTestId('export-embed')).toBeHidden();

  const legend = page.getByRole('button', { name: 'Legend' });
  await legend.click();
  await expect(page.locator('.cluster-legend-popover')).toBeVisible();
  await page.getByTestId('status').click();
  await expect(page.locator('.cluster-legend-popover')).toHaveCount(0);
  await legend.click();
  await expect(page.locator('.cluster-legend-popover')).toBeVisible();
  // The button still toggles it shut.
  await legend.click();
  await expect(page.locator('.cluster-legend-popover')).toHaveCount(0);
});
