import { expect, test, type Page } from '@playwright/test';
import { app, collectErrors } from './helpers';
import { expectOnScreen } from './onScreen';

test.use({ viewport: { width: 1280, height: 720 } });

/**
 * A lesson file whose first step's check names an HPA with a typo (no Show me), and a second step
 * with a Show me: what an instructor's walkthrough found failing silently.
 */
const TYPO = `apiVersion: playground/v1alpha1
kind: Lesson
id: typo
title: {en: Typo lesson, ko: 오타 실습}
summary: {en: A check with a typo., ko: 오타가 있는 확인 조건.}
scenario: {example: hpa-php-apache}
steps:
  - text: {en: Wait for the HPA., ko: HPA를 기다립니다.}
    check: {type: hpa, name: php-apach, field: currentReplicas, op: '>=', value: 3}
    within: 3m
  - text: {en: Scale it., ko: 늘립니다.}
    action: {run: "kubectl scale deployment/php-apache --replicas=2"}
    check: {type: deployment, name: php-apache, field: replicas, op: '=', value: 2}
    within: 1m
questions:
  - question: {en: Q?, ko: 질문?}
    choices: [{en: a, ko: 가}, {en: b, ko: 나}]
    answer: 1
    explanation: {en: b., ko: 나.}
`;

/** The first visit opens a lesson; the instructor drawer's "Open a lesson file…" reads this one. */
async function openLessonFile(page: Page, name: string, text: string) {
  await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 60_000 });
  const drawer = page.getByTestId('lesson-instructor');
  if ((await drawer.locator('xpath=..').getAttribute('open')) === null) await drawer.click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('lesson-open-file').first().click();
  await (await chooser).setFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await expect(page.getByTestId('lesson-title')).toContainText(/Typo lesson|오타 실습/, { timeout: 30_000 });
}

test('a check naming a missing object says what it checks and why, while waiting and after its budget', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto('/');
  await openLessonFile(page, 'typo.yaml', TYPO);
  // At load: the check names an HPA that nothing in the lesson creates.
  await expect(page.getByText(/typo\.yaml:8: step 1 checks an object that neither the scenario nor any step's Show me creates/)).toBeVisible();
  const check = page.getByTestId('lesson-check');
  await expect(page.getByTestId('lesson-check-what')).toHaveText('Check: HPA php-apach: current replicas ≥ 3');
  await expect(page.getByTestId('lesson-check-why')).toHaveText('there is no HorizontalPodAutoscaler named "php-apach" yet');
  // The budget runs out; the timeline has created php-apache meanwhile, which the reason now suggests.
  await page.getByTestId('lesson-run-until').click();
  await expect(page.getByText(/did not hold within its 3 simulated minutes\. Read the step again/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Try Show me/)).toHaveCount(0);
  await expect(check).toHaveAttribute('data-held', 'false');
  await expect(page.getByTestId('lesson-check-why')).toHaveText('there is no HorizontalPodAutoscaler named "php-apach" yet; similar names: php-apache');
  await expectOnScreen(page.getByTestId('lesson-check-why'));
  // A step with a Show me keeps "Try Show me".
  await page.getByTestId('lesson-skip').click();
  await expect(page.getByTestId('lesson-check-what')).toHaveText('Check: Deployment php-apache: replicas (spec) = 2');
  await expect(page.getByTestId('lesson-check-why')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('in Korean the check, the reason and the note read in Korean', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    if (location.protocol !== 'about:') localStorage.setItem('playground.lang', 'ko');
  });
  await page.goto('/');
  await openLessonFile(page, 'typo.yaml', TYPO);
  await expect(page.getByTestId('lesson-check-what')).toHaveText('확인 조건: HPA php-apach: 현재 레플리카 수 ≥ 3');
  await page.getByTestId('lesson-run-until').click();
  await expect(page.getByText(/시뮬레이션 시간 3분 안에 조건을 만족하지 못했습니다\. 단계 설명을 다시 읽고/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('lesson-check-why')).toHaveText('HorizontalPodAutoscaler 중 이름이 "php-apach"인 것이 아직 없습니다. 비슷한 이름: php-apache');
});

const HPA_STEPS = 8;

test('an instructor jumps to a step with the step dots (mouse and keyboard); a student sees plain dots', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/#lesson=hpa&step=1');
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 1 of ${HPA_STEPS}`, { timeout: 60_000 });
  // A student: progress dots, not buttons.
  await expect(page.getByTestId('lesson-jump-1')).toHaveCount(0);
  await page.getByTestId('lesson-instructor').click();
  const dot3 = page.getByRole('button', { name: `Open step 3 of ${HPA_STEPS}` });
  await expectOnScreen(dot3);
  await expect(page.getByRole('button', { name: `Open step 1 of ${HPA_STEPS}` })).toHaveAttribute('aria-current', 'step');
  await dot3.click();
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 3 of ${HPA_STEPS}`, { timeout: 60_000 });
  await expect(page).toHaveURL(/#lesson=hpa&step=3$/);
  // Prepared as the link prepares it: step 2 created the HPA.
  const a = app(page);
  await a.run('kubectl get hpa');
  await expect(page.getByTestId('terminal-output')).toContainText(/php-apache\s+Deployment\/php-apache/);
  // The keyboard reaches the dots too.
  await page.getByRole('button', { name: `Open step 2 of ${HPA_STEPS}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 2 of ${HPA_STEPS}`, { timeout: 60_000 });
  // Commands of the person's own: ask first, as Back does.
  await a.run('kubectl scale deployment/php-apache --replicas=3');
  await page.getByRole('button', { name: `Open step 4 of ${HPA_STEPS}` }).click();
  const confirm = page.getByTestId('lesson-back-confirm');
  await expect(confirm).toContainText('1 command of your own (kubectl scale deployment/php-apache --replicas=3). Step 4 opens as the lesson prepares it');
  await page.getByTestId('lesson-back-anyway').click();
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 4 of ${HPA_STEPS}`, { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('an instructor jumps to a step of a lesson opened from a file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    if (location.protocol !== 'about:') localStorage.setItem('playground.lessons.instructor', '1');
  });
  await page.goto('/');
  await openLessonFile(page, 'fixed.yaml', TYPO.replace('name: php-apach,', 'name: php-apache,').replace("op: '>=', value: 3}", "op: '>=', value: 1}"));
  await page.getByRole('button', { name: 'Open step 2 of 2' }).click();
  await expect(page.getByTestId('lesson-step')).toContainText('Step 2 of 2', { timeout: 60_000 });
  // Step 1 was run until its check held (the timeline creates the HPA at 30s): time has passed.
  expect(await app(page).simSeconds()).toBeGreaterThanOrEqual(30);
  await expect(page.getByTestId('lesson-title')).toContainText('Typo lesson');
});

test('Start over in the catalog forgets a lesson’s progress and opens its step 1', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  // A student who finished lesson 1 and stopped lesson 2 at step 3 (progress as the store saves it).
  await page.addInitScript(() => {
    if (location.protocol === 'about:' || sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'playground.lessons.progress.v1',
      JSON.stringify({ hpa: { step: 7, answers: { 0: 1 }, questions: true, done: true }, vpa: { step: 2, answers: {}, questions: false, done: false } }),
    );
  });
  await page.goto('/');
  await page.getByTestId('scenario-picker').selectOption('catalog:');
  await expect(page.getByTestId('catalog-lesson-hpa')).toContainText('Completed');
  await expect(page.getByTestId('catalog-lesson-vpa')).toContainText('Continue at step 3');
  // A lesson not begun has nothing to start over.
  await expect(page.getByTestId('catalog-restart-keda')).toHaveCount(0);
  const restart = page.getByTestId('catalog-restart-hpa');
  await expect(restart).toHaveText('Start over');
  await restart.click();
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 1 of ${HPA_STEPS}`, { timeout: 60_000 });
  expect(await app(page).simSeconds()).toBe(0);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('playground.lessons.progress.v1') ?? '{}') as Record<string, { step: number; done: boolean; answers: object }>);
  expect(saved.hpa).toEqual({ step: 0, answers: {}, questions: false, done: false });
  expect(saved.vpa.step).toBe(2);
  await page.getByRole('button', { name: 'All lessons' }).click();
  await expect(page.getByTestId('catalog-lesson-hpa')).toContainText('Continue at step 1');
  expect(errors).toEqual([]);
});

for (const lang of ['en', 'ko'] as const) {
  test(`after closing the lesson panel the picker reopens the catalog with "Open a lesson file…" (${lang}, projector)`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((l) => {
      if (location.protocol === 'about:') return;
      localStorage.setItem('playground.lang', l);
      localStorage.setItem('playground.projector', '1');
    }, lang);
    await page.goto('/#lesson=hpa&step=1');
    await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 60_000 });
    const scenario = await page.getByTestId('status').getAttribute('data-scenario');
    await page.getByRole('button', { name: lang === 'en' ? 'Close the lesson' : '실습 닫기', exact: true }).click();
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    // The top bar does not overflow at 1280×720 with the extra picker entry.
    const topbar = page.locator('header.topbar');
    expect(await topbar.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    await page.getByTestId('scenario-picker').selectOption('catalog:');
    await expect(page.getByTestId('lesson-catalog')).toBeVisible();
    const open = page.getByTestId('lesson-open-file').first();
    await open.scrollIntoViewIfNeeded();
    await expectOnScreen(open);
    await expect(open).toHaveText(lang === 'en' ? 'Open a lesson file…' : '실습 파일 열기…');
    // The run on screen stays as it was.
    await expect(page.getByTestId('status')).toHaveAttribute('data-scenario', scenario ?? '');
  });
}

test('in projector mode (Korean) a long lesson-file error list scrolls inside a capped box and the step text keeps room', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    if (location.protocol === 'about:') return;
    localStorage.setItem('playground.lang', 'ko');
    localStorage.setItem('playground.projector', '1');
    localStorage.setItem('playground.lessons.instructor', '1');
  });
  await page.goto('/#lesson=hpa&step=1');
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 60_000 });
  const bad = TYPO.replace(/type: hpa, name: php-apach, field: currentReplicas/, 'type: hap, name: php-apach, field: currentReplica').replace(/within: 3m/, 'within: soon').replace(/answer: 1/, 'answer: 7') + 'extra1: 1\nextra2: 2\nextra3: 3\n';
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('lesson-open-file').first().click();
  await (await chooser).setFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
  const box = page.getByTestId('lesson-file-errors');
  await expect(box).toBeVisible();
  const list = page.getByTestId('lesson-file-errors-list');
  const panel = await page.getByTestId('lesson-panel').boundingBox();
  const boxSize = await box.boundingBox();
  const text = await page.getByTestId('lesson-scroll').boundingBox();
  expect(boxSize!.height).toBeLessThanOrEqual(panel!.height * 0.25);
  // Room for at least three lines of step text (it had one clipped line).
  const line = await page.getByTestId('lesson-text').evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || 20);
  const zoom = await page.getByTestId('lesson-text').evaluate((e) => e.getBoundingClientRect().height / (e as HTMLElement).offsetHeight || 1);
  expect(text!.height).toBeGreaterThanOrEqual(3 * line * zoom);
  expect(await list.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
  await expectOnScreen(box.getByRole('button', { name: '닫기', exact: true }));
  for (const id of ['lesson-footer-info', 'lesson-run-until', 'lesson-next']) await expectOnScreen(page.getByTestId(id));
});

/** Long step text, and six checks on objects nothing creates: opening it puts a long warning note in the footer. */
const longText = {
  en: 'Watch the HPA read the CPU utilisation of every pod and compare it with its target. '.repeat(6),
  ko: 'HPA가 모든 파드의 CPU 사용률을 읽고 목표값과 비교하는 모습을 지켜보세요. '.repeat(6),
};
const LONG_NOTE = TYPO.replace('title: {en: Typo lesson, ko: 오타 실습}', 'title: {en: Typo lesson (long), ko: 오타 실습 (긴 단계)}').replace(
  /steps:\n[\s\S]*?\nquestions:/,
  `steps:\n${[1, 2, 3, 4, 5, 6]
    .map((i) => `  - text: {en: "${longText.en}", ko: "${longText.ko}"}\n    check: {type: hpa, name: php-apach${i}, field: currentReplicas, op: '>=', value: 3}\n    within: 3m\n`)
    .join('')}questions:`,
);

for (const lang of ['en', 'ko'] as const) {
  test(`in projector mode (${lang}) a long note in the footer scrolls and the check's status and the buttons stay in view`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((l) => {
      if (location.protocol === 'about:') return;
      localStorage.setItem('playground.lang', l);
      localStorage.setItem('playground.projector', '1');
      localStorage.setItem('playground.lessons.instructor', '1');
    }, lang);
    await page.goto('/');
    await openLessonFile(page, 'long.yaml', LONG_NOTE);
    const note = page.getByTestId('lesson-footer-info').locator('.lesson-note');
    await expect(note).toContainText('long.yaml:8:');
    await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-held', 'false');
    // The note was the footer's scrolling part and pushed the check below its fold.
    for (const id of ['lesson-check', 'lesson-run-until', 'lesson-back', 'lesson-next']) await expectOnScreen(page.getByTestId(id));
    expect(await note.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    const line = await note.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    const zoom = await note.evaluate((e) => e.getBoundingClientRect().height / (e as HTMLElement).offsetHeight || 1);
    expect((await note.boundingBox())!.height).toBeGreaterThanOrEqual(2 * line * zoom - 1);
    await page.getByTestId('lesson-panel').screenshot({ path: `test-results/lesson-guide/long-note-${lang}.png` });
  });
}
