import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';
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
