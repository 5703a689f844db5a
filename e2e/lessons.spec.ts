import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { app, collectErrors } from './helpers';

/** Lesson 1 as shipped: the test reads its questions' answers the way a student reads the screen. */
const HPA = parse(readFileSync('lessons/01-hpa.yaml', 'utf8')) as { id: string; steps: unknown[]; questions: { answer: number }[] };

test.use({ viewport: { width: 1280, height: 720 } });

/** Fully inside the window: what a person at a 1280×720 projector can see and click. */
async function clickOnScreen(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  await el.scrollIntoViewIfNeeded();
  // Projector zoom (1.5×) leaves sub-pixel edges: "fully" means at least 95% inside.
  await expect(el).toBeInViewport({ ratio: 0.95 });
  await el.click();
}

test('a student takes lesson 1 at 1280×720 in projector mode and reaches the end', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/');
  // The first visit opens a lesson (lesson 0 when shipped) with the start screen one click away.
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('projector-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-projector', '');
  await page.getByRole('button', { name: 'All lessons' }).click();
  await clickOnScreen(page, `catalog-lesson-${HPA.id}`);
  const n = HPA.steps.length;
  for (let k = 1; k <= n; k++) {
    await expect(page.getByTestId('lesson-step')).toContainText(`Step ${k} of ${n}`, { timeout: 30_000 });
    const check = page.getByTestId('lesson-check');
    if (await page.getByTestId('lesson-show-me').isVisible()) await clickOnScreen(page, 'lesson-show-me');
    if ((await check.getAttribute('data-held')) !== 'true') {
      await page.getByRole('button', { name: /Pause/ }).click({ timeout: 1000 }).catch(() => undefined);
      await clickOnScreen(page, 'lesson-run-until');
    }
    await expect(check).toHaveAttribute('data-held', 'true', { timeout: 60_000 });
    await expect(check).toContainText('Done');
    await clickOnScreen(page, 'lesson-next');
  }
  await expect(page.getByTestId('lesson-questions')).toBeVisible();
  for (const [i, q] of HPA.questions.entries()) {
    const fieldset = page.getByTestId(`lesson-question-${i}`);
    await fieldset.getByRole('radio').nth(q.answer).check();
    await clickOnScreen(page, `lesson-answer-${i}`);
    await expect(page.getByTestId(`lesson-verdict-${i}`)).toHaveText('Right');
  }
  await expect(page.getByTestId('lesson-done')).toBeVisible();
  // Progress survives a reload: the picker's lesson shows as completed.
  await page.reload();
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'All lessons' }).click();
  await expect(page.getByTestId(`catalog-lesson-${HPA.id}`)).toContainText('Completed');
  expect(errors).toEqual([]);
});

test('an instructor link at step 3 opens the lesson with the state prepared by steps 1–2', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=3`);
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 3 of ${HPA.steps.length}`, { timeout: 60_000 });
  // Step 2 created the HPA and the run was replayed until its check held: it exists, time has passed.
  const a = app(page);
  expect(await a.simSeconds()).toBeGreaterThan(0);
  await a.run('kubectl get hpa');
  await expect(page.getByTestId('terminal-output')).toContainText(/php-apache\s+Deployment\/php-apache/);
  // The step's own check starts unheld (the load has not started yet).
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-held', 'false');
  await expect(page).toHaveURL(new RegExp(`#lesson=${HPA.id}&step=3$`));
  expect(errors).toEqual([]);
});

test('a bad lesson file shows located errors and the current lesson keeps running', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=1`);
  await expect(page.getByTestId('lesson-step')).toContainText('Step 1 of', { timeout: 60_000 });
  await page.getByTestId('lesson-instructor').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('lesson-open-file').first().click();
  const bad = 'apiVersion: playground/v1alpha1\nkind: Lesson\nid: broken\ntitle: {en: Broken}\nsummary: {en: x, ko: y}\nscenario: {example: php-apache}\nsteps:\n  - text: {en: a, ko: b}\n    check: {type: hpa, name: x, field: nope, op: ">=", value: 1}\nquestions: []\n';
  await (await chooser).setFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
  const box = page.getByTestId('lesson-file-errors');
  await expect(box).toBeVisible();
  await expect(box).toContainText(/broken\.yaml:4:\d+/);
  await expect(box).toContainText(/broken\.yaml:9:\d+/);
  // Nothing else changed: the lesson is still there and the simulation still runs.
  await expect(page.getByTestId('lesson-title')).toContainText('HPA');
  const a = app(page);
  await a.playFor(1500);
  expect(await a.simSeconds()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
