import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { app, collectErrors } from './helpers';
import { expectOnScreen } from './onScreen';

/** Lesson 1 as shipped: the test reads its questions' answers the way a student reads the screen. */
const HPA = parse(readFileSync('lessons/01-hpa.yaml', 'utf8')) as { id: string; steps: unknown[]; questions: { answer: number }[] };

test.use({ viewport: { width: 1280, height: 720 } });

/**
 * Click what a person at a 1280×720 projector sees: the lesson's buttons must be fully on screen
 * without scrolling the page. Only content inside the panel's own scroll area (the step text, the
 * questions) may be scrolled into view first, as a person would scroll it.
 */
async function clickOnScreen(page: Page, testId: string, { inPanelScroll = false } = {}) {
  const el = page.getByTestId(testId);
  if (inPanelScroll) await el.scrollIntoViewIfNeeded();
  await expectOnScreen(el);
  await el.click();
}

/** The instructor drawer's "Open a lesson file…" with a file of this name and text. */
async function openLessonFile(page: Page, name: string, text: string) {
  await page.getByTestId('lesson-instructor').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('lesson-open-file').first().click();
  await (await chooser).setFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
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
  await clickOnScreen(page, `catalog-lesson-${HPA.id}`, { inPanelScroll: true });
  const n = HPA.steps.length;
  for (let k = 1; k <= n; k++) {
    await expect(page.getByTestId('lesson-step')).toContainText(`Step ${k} of ${n}`, { timeout: 30_000 });
    // Every control of the step is on screen at once, whatever the length of its text.
    for (const id of ['lesson-check', 'lesson-run-until', 'lesson-back', 'lesson-next']) await expectOnScreen(page.getByTestId(id));
    if (await page.getByTestId('lesson-hint-button').count()) await expectOnScreen(page.getByTestId('lesson-hint-button'));
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
    await clickOnScreen(page, `lesson-answer-${i}`, { inPanelScroll: true });
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

test("Copy link inside a lesson shares the student's run: the same time and commands, not the step afresh", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=3`);
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 3 of ${HPA.steps.length}`, { timeout: 60_000 });
  const a = app(page);
  await a.run('kubectl scale --replicas=4 deployment/php-apache');
  await a.setSpeed(10);
  await a.playFor(1500);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('copy-status')).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toContain('#s=');
  expect(url).not.toContain('lesson=');
  // The address stays the lesson's step, which a reload prepares.
  await expect(page).toHaveURL(new RegExp(`#lesson=${HPA.id}&step=3$`));
  const before = { clock: await a.clock.textContent(), workload: await page.getByTestId('workload-php-apache').textContent() };

  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(url);
  const b = app(other);
  await expect(b.clock).toHaveText(before.clock!, { timeout: 30_000 });
  await expect(other.getByTestId('workload-php-apache')).toHaveText(before.workload!);
  await b.run('kubectl get deploy php-apache');
  await expect(other.getByTestId('terminal-output')).toContainText(/php-apache\s+\d+\/4/);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('a scenario picked after a lesson is what a reload and Copy link open, not the lesson again', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectErrors(page);
  // The first visit opens lesson 0; the newcomer picks an example instead.
  await page.goto('/');
  await expect(page.getByTestId('lesson-step')).toContainText('Step 1 of', { timeout: 60_000 });
  // A newcomer reads a moment: by then the address is the lesson's step.
  await expect(page).toHaveURL(/#lesson=reading-the-screen&step=1$/, { timeout: 10_000 });
  const a = app(page);
  await a.pickScenario('hpa-php-apache');
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  // The address becomes the run alone: the lesson's keys left beside it made a reload open lesson 0.
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toMatch(/^#s=/);
  expect(await page.evaluate(() => location.hash)).not.toMatch(/(^|&)(lesson|step)=/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('copy-status')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).not.toMatch(/(#|&)(lesson|step)=/);
  await page.reload();
  await expect(a.status).toHaveAttribute('data-scenario', 'hpa-php-apache', { timeout: 30_000 });
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  await expect(a.status).toHaveAttribute('data-scenario', 'hpa-php-apache');
  expect(errors).toEqual([]);
});

test('a Korean instructor link opens in Korean in an English browser, and the choice stays after a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=2&lang=ko`);
  await expect(page.getByTestId('lesson-step')).toContainText(`${HPA.steps.length}단계 중 2단계`, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /재생/ })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('lesson-step')).toContainText('단계', { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('a hint opens, closes and stays behind when the step changes, without breaking the panel', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=1`);
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 1 of ${HPA.steps.length}`, { timeout: 60_000 });
  const hintButton = page.getByTestId('lesson-hint-button');
  await hintButton.click();
  await expect(page.getByTestId('lesson-hint')).toBeVisible();
  // Closing it unmounts the hint: in Chromium 150 its effect's cleanup was scrollIntoView's Promise,
  // and React calling it replaced the panel with "This panel failed".
  await hintButton.click();
  await expect(page.getByTestId('lesson-hint')).toHaveCount(0);
  await hintButton.click();
  await page.getByTestId('lesson-run-until').click();
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-held', 'true', { timeout: 60_000 });
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 2 of ${HPA.steps.length}`, { timeout: 60_000 });
  await expect(page.getByTestId('lesson-hint')).toHaveCount(0);
  await expect(page.getByTestId('lesson-text')).toBeVisible();
  expect(errors).toEqual([]);
});

test('two lesson links pasted one after the other open the second, and a reload keeps it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=1`);
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 1 of ${HPA.steps.length}`, { timeout: 60_000 });
  // The second link arrives while the first is still opening: it used to be dropped, the page
  // showing the CA lesson under the Karpenter lesson's address.
  await page.evaluate(() => {
    location.hash = '#lesson=cluster-autoscaler&step=1';
    setTimeout(() => (location.hash = '#lesson=karpenter&step=1'), 5);
  });
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toContainText('6. Karpenter', { timeout: 60_000 });
  await expect(page.getByTestId('lesson-step')).toContainText('Step 1 of', { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toBe('#lesson=karpenter&step=1');
  await page.reload();
  await expect(panel).toContainText('6. Karpenter', { timeout: 60_000 });
  expect(errors).toEqual([]);
});

/** Lesson 3 as shipped: its step count, for links past its last step. */
const KEDA = parse(readFileSync('lessons/03-keda.yaml', 'utf8')) as { id: string; steps: unknown[] };

test('a link to a step the lesson does not have opens the nearest step and says so, in English and Korean', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const n = KEDA.steps.length;
  const notice = page.getByTestId('link-error');
  // Past the last step: the last step, prepared, and a notice that names the asked and the opened step.
  await page.goto(`/#lesson=${KEDA.id}&step=99`);
  await expect(page.getByTestId('lesson-step')).toContainText(`Step ${n} of ${n}`, { timeout: 90_000 });
  await expect(notice).toHaveText(new RegExp(`step "99", which lesson "${KEDA.id}" does not have \\(its steps are 1 to ${n}\\): step ${n} is open instead`));
  await expect(page.getByTestId('lesson-check')).toBeVisible();
  // Not a step number, or 0: the first step, and the notice.
  for (const step of ['abc', '0']) {
    await page.goto(`/#lesson=${KEDA.id}&step=${step}`);
    await page.reload();
    await expect(page.getByTestId('lesson-step')).toContainText(`Step 1 of ${n}`, { timeout: 60_000 });
    await expect(notice).toContainText(`step "${step}"`);
    await expect(notice).toContainText('step 1 is open instead');
  }
  // In Korean, the same notice in Korean.
  await page.goto(`/#lesson=${KEDA.id}&step=99&lang=ko`);
  await page.reload();
  await expect(page.getByTestId('lesson-step')).toContainText(`${n}단계 중 ${n}단계`, { timeout: 90_000 });
  await expect(notice).toContainText(`링크에 적힌 단계 "99"은(는) 실습 "${KEDA.id}"에 없습니다(이 실습은 1~${n}단계입니다). 대신 ${n}단계를 열었습니다.`);
  // A step it has opens without a notice.
  await page.goto(`/#lesson=${KEDA.id}&step=1&lang=en`);
  await page.reload();
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 1 of ${n}`, { timeout: 60_000 });
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"Open a lesson file…" opens the file chooser from the keyboard once the first visit’s lesson has opened', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'All lessons' }).click();
  const button = page.getByTestId('lesson-open-file').first();
  await button.focus();
  // The chooser waiter first, then a round trip to the page, so Playwright intercepts the chooser (see compare.spec.ts).
  const chooser = page.waitForEvent('filechooser');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'typed.yaml', mimeType: 'text/yaml', buffer: Buffer.from('kind: Lesson\n') });
  await expect(page.getByTestId('lesson-file-errors')).toContainText('typed.yaml:');
});

test('a bad lesson file shows located errors and the current lesson keeps running', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=1`);
  await expect(page.getByTestId('lesson-step')).toContainText('Step 1 of', { timeout: 60_000 });
  // A command of the person's own: a valid file would ask before replacing the run, a broken one
  // must not (declining used to hide the file's errors).
  await app(page).run('kubectl scale --replicas=2 deployment/php-apache');
  const bad = 'apiVersion: playground/v1alpha1\nkind: Lesson\nid: broken\ntitle: {en: Broken}\nsummary: {en: x, ko: y}\nscenario: {example: php-apache}\nsteps:\n  - text: {en: a, ko: b}\n    check: {type: hpa, name: x, field: nope, op: ">=", value: 1}\nquestions: []\n';
  await openLessonFile(page, 'broken.yaml', bad);
  const box = page.getByTestId('lesson-file-errors');
  await expect(box).toBeVisible();
  await expect(box).toContainText(/broken\.yaml:4:\d+/);
  await expect(box).toContainText(/broken\.yaml:9:\d+/);
  await expect(page.getByTestId('confirm-discard')).toHaveCount(0);
  // Nothing else changed: the lesson is still there and the simulation still runs.
  await expect(page.getByTestId('lesson-title')).toContainText('HPA');
  const a = app(page);
  await a.playFor(1500);
  expect(await a.simSeconds()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test("an instructor's own lesson file travels in its link: a student opens it at the same step, and a reload keeps it", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=1`);
  await expect(page.getByTestId('lesson-step')).toContainText('Step 1 of', { timeout: 60_000 });
  const mine = [
    'apiVersion: playground/v1alpha1',
    'kind: Lesson',
    'id: workshop-own',
    'title: {en: "Our own HPA lesson", ko: "우리만의 HPA 실습"}',
    'summary: {en: Ours., ko: 우리 것.}',
    'scenario: {example: php-apache, timeline: []}',
    'steps:',
    '  - text: {en: "First: look at php-apache.", ko: "먼저 php-apache를 봅니다."}',
    '    check: {type: deployment, name: php-apache, field: ready, op: ">=", value: 1}',
    '  - text: {en: "Second: our step two.", ko: "두 번째 단계."}',
    '    check: {type: deployment, name: php-apache, field: ready, op: ">=", value: 1}',
    'questions:',
    '  - question: {en: "Ready?", ko: "준비됐나요?"}',
    '    choices: [{en: "Yes", ko: "예"}, {en: "No", ko: "아니요"}]',
    '    answer: 0',
    '    explanation: {en: "Yes.", ko: "예."}',
  ].join('\n');
  await openLessonFile(page, 'own.yaml', mine);
  await expect(page.getByTestId('lesson-title')).toContainText('Our own HPA lesson', { timeout: 30_000 });
  await page.getByTestId('lesson-run-until').click();
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-held', 'true', { timeout: 60_000 });
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-step')).toContainText('Step 2 of 2');
  // The address is the lesson itself: a reload comes back to it.
  await expect(page).toHaveURL(/#lessonfile=[^&]+&step=2$/, { timeout: 10_000 });
  await page.getByTestId('lesson-copy-link').click();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#lessonfile=[^&]+&step=2&lang=en$/);

  const student = await context.newPage();
  const studentErrors = collectErrors(student);
  await student.goto(url);
  await expect(student.getByTestId('lesson-title')).toContainText('Our own HPA lesson', { timeout: 60_000 });
  await expect(student.getByTestId('lesson-step')).toContainText('Step 2 of 2', { timeout: 60_000 });
  await expect(student.getByTestId('lesson-text')).toContainText('Second: our step two.');
  await student.screenshot({ path: 'test-results/lessons-file-link-student.png' });
  await student.reload();
  await expect(student.getByTestId('lesson-step')).toContainText('Step 2 of 2', { timeout: 60_000 });
  await expect(student.getByTestId('lesson-title')).toContainText('Our own HPA lesson');

  // A link cut short on the way says so, and the run on screen stays.
  await student.evaluate((u) => (location.hash = u.slice(u.indexOf('#'), u.indexOf('#') + 40)), url);
  await expect(student.getByTestId('link-error')).toContainText('This lesson link could not be opened');
  await expect(student.getByTestId('lesson-title')).toContainText('Our own HPA lesson');
  expect(errors).toEqual([]);
  expect(studentErrors).toEqual([]);
});

test('in Korean, a bad lesson file’s errors read in Korean, located as Korean readers read a place', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => {
    if (location.protocol !== 'about:') localStorage.setItem('playground.lang', 'ko');
  });
  await page.goto(`/#lesson=${HPA.id}&step=1`);
  await expect(page.getByTestId('lesson-step')).toContainText('1단계', { timeout: 60_000 });
  const bad = 'apiVersion: playground/v1alpha1\nkind: Lesson\nid: broken\ntitle: {en: Broken, ko: ""}\nsummary: {en: x, ko: y}\nscenario: {example: php-apache}\nsteps:\n  - text: {en: a, ko: b}\n    check: {type: hap, name: x}\n  - text: {en: a, ko: b}\nquestions: []\n';
  await openLessonFile(page, 'broken.yaml', bad);
  const box = page.getByTestId('lesson-file-errors');
  await expect(box).toContainText('broken.yaml 4번째 줄');
  await expect(box).toContainText('필수 값: 한국어 텍스트가 비어 있습니다');
  await expect(box).toContainText('확인 조건의 type "hap"은(는) 없는 종류입니다 ("hpa"을(를) 쓰려고 했나요?)');
  await expect(box).toContainText('필수 값: check (다음 단계로 넘어가기 전에');
  await expect(box).not.toContainText(/the Korean text is empty|check type|Required value/);
  await page.screenshot({ path: 'test-results/lessons-file-errors-ko.png' });
  expect(errors).toEqual([]);
});

test('Back opens the previous step as the lesson prepares it, and asks first when the person ran commands of their own', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto(`/#lesson=${HPA.id}&step=3`);
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 3 of ${HPA.steps.length}`, { timeout: 60_000 });
  const a = app(page);
  // Step 2 is where the HPA gets created: back there, it does not exist yet.
  await page.getByTestId('lesson-back').click();
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 2 of ${HPA.steps.length}`, { timeout: 60_000 });
  await expect(page).toHaveURL(new RegExp(`#lesson=${HPA.id}&step=2$`));
  await a.run('kubectl get hpa');
  await expect(page.getByTestId('terminal-output')).toContainText('No resources found in default namespace.');
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-held', 'false');
  // A command of the person's own (not a step's action): Back says it would be dropped.
  await a.run('kubectl scale deployment/php-apache --replicas=3');
  await page.getByTestId('lesson-back').click();
  const confirm = page.getByTestId('lesson-back-confirm');
  await expect(confirm).toContainText('1 command of your own (kubectl scale deployment/php-apache --replicas=3)');
  await page.getByTestId('lesson-back-stay').click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 2 of ${HPA.steps.length}`);
  // Staying keeps the person's run: the scale applies once time moves.
  await a.playFor(1000);
  await expect.poll(async () => (await a.workloadReplicas('php-apache')).desired).toBe(3);
  await page.getByTestId('lesson-back').click();
  await page.getByTestId('lesson-back-anyway').click();
  await expect(page.getByTestId('lesson-step')).toContainText(`Step 1 of ${HPA.steps.length}`, { timeout: 60_000 });
  await expect.poll(async () => (await a.workloadReplicas('php-apache')).desired).toBe(1);
  expect(await a.simSeconds()).toBe(0);
  expect(errors).toEqual([]);
});

/** Every step of every shipped lesson, in Korean in projector mode: the step's controls fit at 1280×720. */
const ALL = readdirSync('lessons')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(`lessons/${f}`, 'utf8')) as { id: string; steps: unknown[] });

test('in Korean and projector mode every lesson step keeps its check and buttons on screen', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    // about:blank (between lessons, below) has no storage.
    if (location.protocol === 'about:') return;
    localStorage.setItem('playground.lang', 'ko');
    localStorage.setItem('playground.projector', '1');
    localStorage.setItem('playground.lessons.instructor', '1');
  });
  for (const lesson of ALL) {
    // A fresh load of each lesson's link. A hash change followed at once by a reload raced the page's
    // own address updates on a slow machine: the reload could read the previous lesson's address.
    await page.goto('about:blank');
    await page.goto(`/#lesson=${lesson.id}&step=1`);
    await expect(page.locator('html')).toHaveAttribute('data-projector', '');
    const n = lesson.steps.length;
    for (let k = 1; k <= n; k++) {
      await expect(page.getByTestId('lesson-step')).toContainText(`${n}단계 중 ${k}단계`, { timeout: 60_000 });
      for (const id of ['lesson-check', 'lesson-run-until', 'lesson-back', 'lesson-next']) await expectOnScreen(page.getByTestId(id));
      for (const id of ['lesson-show-me', 'lesson-hint-button', 'lesson-skip']) if (await page.getByTestId(id).count()) await expectOnScreen(page.getByTestId(id));
      // The instructor's Skip moves on without running the simulation (Next when the check already holds).
      const skip = page.getByTestId('lesson-skip');
      await ((await skip.count()) ? skip : page.getByTestId('lesson-next')).click();
    }
    await expect(page.getByTestId('lesson-questions')).toBeVisible();
    await expectOnScreen(page.getByTestId('lesson-back'));
  }
  // The Faults menu opens beside the lesson with every item on screen (the cluster panel is short here).
  await page.getByTestId('faults-menu').click();
  for (const id of ['spot', 'terminate', 'notready', 'zone', 'metrics', 'capacity']) await expectOnScreen(page.getByTestId(`fault-${id}`));
  expect(errors).toEqual([]);
});
