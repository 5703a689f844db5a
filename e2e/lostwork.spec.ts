import { expect, test, type Page } from '@playwright/test';
import { app, collectErrors } from './helpers';

/** Issue #12 item 9: no work lost without a word. */
test.use({ viewport: { width: 1280, height: 720 } });

const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__playground!.getState();
    return { timeMs: s.session!.world.timeMs, horizonMs: s.session!.horizonMs, log: s.session!.log.map((c) => `${c.atMs} ${c.input}`), name: s.scenario!.spec.name, seeking: s.seekProgress };
  });

async function settle(page: Page) {
  const a = app(page);
  // The first visit opens the first lesson: let it settle before picking a scenario.
  await expect(a.status).toHaveAttribute('data-scenario', /./, { timeout: 30_000 });
  await expect(a.status).toContainText('Sim time 0:00');
  await a.pickScenario('hpa-php-apache');
  return a;
}

async function runTo(page: Page, ms: number) {
  await page.evaluate((t) => {
    const s = window.__playground!.getState();
    s.pause();
    window.__playground!.setState({ speed: 1000 });
    s.play();
    return t;
  }, ms);
  await expect.poll(async () => (await state(page)).timeMs, { timeout: 30_000 }).toBeGreaterThanOrEqual(ms);
  await page.evaluate(() => window.__playground!.getState().pause());
}

test('changing the run after scrubbing back says what was replaced, and Undo brings it back', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = await settle(page);
  await runTo(page, 60_000);
  await a.run('kubectl scale deployment php-apache --replicas=2');
  await runTo(page, 150_000);
  const before = await state(page);
  expect(before.log).toHaveLength(1);
  // Scrub back to 0:30 and change something there.
  await page.evaluate(() => window.__playground!.getState().seekTo(30_000));
  await expect.poll(async () => (await state(page)).seeking).toBeNull();
  await a.run('kubectl scale deployment php-apache --replicas=4');
  const notice = page.getByTestId('run-replaced');
  await expect(notice).toContainText('The run after 0:30 was replaced');
  const replaced = await state(page);
  expect(replaced.log).toEqual([expect.stringMatching(/^30001 kubectl scale deployment php-apache --replicas=4$/)]);
  await page.screenshot({ path: 'test-results/lostwork-replaced.png' });

  await page.getByTestId('run-replaced-undo').click();
  await expect(notice).toHaveCount(0);
  await expect.poll(async () => (await state(page)).seeking).toBeNull();
  const undone = await state(page);
  expect(undone.log).toEqual(before.log);
  expect(undone.horizonMs).toBe(before.horizonMs);
  expect(undone.timeMs).toBe(30_000);
  // The rest of the run is there again: scrub forward past the old branch point.
  await page.evaluate(() => window.__playground!.getState().seekTo(120_000));
  await expect.poll(async () => (await state(page)).timeMs).toBe(120_000);
  expect(errors).toEqual([]);
});

test('switching scenario with changes asks first; Keep stays, Discard opens', async ({ page }) => {
  await page.goto('/');
  const a = await settle(page);
  await a.run('kubectl scale deployment php-apache --replicas=2');
  await page.getByLabel('Scenario', { exact: true }).selectOption('keda-cron');
  const dialog = page.getByTestId('confirm-discard');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1');
  await page.screenshot({ path: 'test-results/lostwork-confirm.png' });
  await page.getByTestId('confirm-keep').click();
  await expect(dialog).toHaveCount(0);
  expect((await state(page)).name).toBe('hpa-php-apache');
  expect((await state(page)).log).toHaveLength(1);
  await page.getByLabel('Scenario', { exact: true }).selectOption('keda-cron');
  await page.getByTestId('confirm-discard-run').click();
  await expect(a.status).toHaveAttribute('data-scenario', 'keda-cron');
});

test('console history and an unapplied YAML edit survive a reload', async ({ page }) => {
  await page.goto('/');
  const a = await settle(page);
  await a.run('kubectl get hpa');
  await page.getByRole('tab', { name: 'YAML' }).click();
  const editor = page.getByTestId('yaml-editor');
  await expect(editor).toBeVisible({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('# my unapplied note\n');
  await page.waitForTimeout(600);
  await page.reload();
  await expect(a.status).toHaveAttribute('data-scenario', 'hpa-php-apache', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByTestId('yaml-editor')).toContainText('# my unapplied note', { timeout: 15_000 });
  await expect(page.getByTestId('yaml-message')).toContainText('Your unapplied edit from last time is back');
  await page.screenshot({ path: 'test-results/lostwork-draft.png' });
  await page.getByRole('tab', { name: 'Console' }).click();
  await page.getByTestId('kubectl-input').press('ArrowUp');
  await expect(page.getByTestId('kubectl-input')).toHaveValue('kubectl get hpa');
});

test('a link pasted into the open page opens without a reload: a lesson step, then a run link after asking', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = await settle(page);
  // A share link of a run at 0:30 with one command, taken from this page and then left behind.
  await a.run('kubectl scale deployment php-apache --replicas=3');
  await runTo(page, 30_000);
  const at = (await state(page)).timeMs;
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain(`t=${at}`);
  const runLink = await page.evaluate(() => window.location.hash);

  // The instructor's lesson link, pasted: only the hash changes, so no reload happens.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.evaluate(() => (window.location.hash = '#lesson=karpenter&step=2'));
  const dialog = page.getByTestId('confirm-discard');
  await expect(dialog).toBeVisible();
  // Keep: the run stays and the address shows it again.
  await page.getByTestId('confirm-keep').click();
  await expect(dialog).toHaveCount(0);
  expect((await state(page)).log).toHaveLength(1);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#s=/);
  // A mistyped link says why and costs nothing: no question, the run stays, the address comes back.
  await page.evaluate(() => (window.location.hash = '#lesson=06-karpenter&step=2'));
  await expect(page.getByTestId('link-error')).toContainText('06-karpenter');
  await expect(page.getByTestId('link-error')).toContainText('the run on screen stays');
  await expect(dialog).toHaveCount(0);
  expect((await state(page)).log).toHaveLength(1);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#s=/);

  await page.evaluate(() => (window.location.hash = '#lesson=karpenter&step=2'));
  await page.getByTestId('confirm-discard-run').click();
  await expect(page.getByTestId('lesson-title')).toContainText('Karpenter', { timeout: 60_000 });
  await expect(page.getByTestId('lesson-step')).toContainText('Step 2 of', { timeout: 60_000 });
  // Another step of the same lesson.
  await page.evaluate(() => (window.location.hash = '#lesson=karpenter&step=1'));
  await expect(page.getByTestId('lesson-step')).toContainText('Step 1 of', { timeout: 60_000 });

  // The run link: the lesson closes and the run is replayed to where it was, with its command.
  await page.evaluate((h) => (window.location.hash = h), runLink);
  const discard = page.getByTestId('confirm-discard-run');
  if (await discard.isVisible({ timeout: 2000 }).catch(() => false)) await discard.click();
  await expect(a.status).toHaveAttribute('data-scenario', 'hpa-php-apache', { timeout: 30_000 });
  await expect.poll(async () => (await state(page)).timeMs, { timeout: 30_000 }).toBe(at);
  expect((await state(page)).log).toHaveLength(1);
  await expect(page.getByTestId('lesson-title')).toHaveCount(0);
  // The same page all along.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  expect(errors).toEqual([]);
});
