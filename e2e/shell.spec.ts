import { expect, test } from '@playwright/test';
import { app, collectErrors } from './helpers';

test('the playground runs the engine live and answers kubectl', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('nginx-to-scaleout');
  await expect(page.getByTestId('nodes')).toContainText('Nodes 3 (3 ready)');
  await expect(a.clock).toHaveText('0:00');

  await page.getByRole('button', { name: 'Step' }).click();
  await expect(a.clock).toHaveText('0:01');

  await a.setSpeed(100);
  await page.getByRole('button', { name: /Play/ }).click();
  // The timeline scales nginx to 15 at 1m: nine fit on three t3.medium nodes, six stay Pending.
  await expect(page.getByTestId('pods')).toContainText('6 pending', { timeout: 20_000 });
  await page.getByRole('button', { name: /Pause/ }).click();

  await a.run('kubectl get pods');
  await expect(page.getByTestId('terminal-output')).toContainText('Pending');
  // Object printers: JSONPath over the pods the engine holds.
  await a.run("kubectl get pods --field-selector=status.phase=Pending -o jsonpath='{range .items[*]}{.status.phase}/{.status.conditions[0].reason}{\"\\n\"}{end}'");
  await expect(page.getByTestId('terminal-output')).toContainText('Pending/Unschedulable');

  await a.run('kubectl scale --replicas=3 deployment/nope');
  await expect(page.getByTestId('terminal-output')).toContainText('Error from server (NotFound): deployments.apps "nope" not found');

  // Up-arrow brings back the last command line.
  await page.getByTestId('kubectl-input').press('ArrowUp');
  await expect(page.getByTestId('kubectl-input')).toHaveValue('kubectl scale --replicas=3 deployment/nope');
  expect(errors).toEqual([]);
});

test('a command typed with the keyboard in Hangul mode gets the English-mode line, one click from the prompt (ko)', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('nginx-to-scaleout');
  // The address follows the run within a second; a reload before that reopens the first visit's lesson.
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toMatch(/^#s=/);
  await page.evaluate(() => localStorage.setItem('playground.lang', 'ko'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  // The run is back (the console answers only once it is).
  await expect(a.status).toHaveAttribute('data-scenario', 'nginx-to-scaleout', { timeout: 30_000 });
  await expect(a.status).toContainText('시뮬레이션 시간 0:00');
  const input = page.getByTestId('kubectl-input');
  // `kubectl get nodes` with the 한/영 key still on 한.
  await input.fill('ㅏㅕㅠㄷㅊ시 ㅎㄷㅅ ㅜㅐㅇㄷㄴ');
  await input.press('Enter');
  const output = page.getByTestId('terminal-output');
  await expect(output).toContainText('ㅏㅕㅠㄷㅊ시: 명령을 찾을 수 없습니다');
  const hint = page.getByTestId('hangul-mode-hint');
  await expect(hint).toContainText('키보드가 한글 입력 상태였나요? 영문 상태에서 같은 키를 누르면: kubectl get nodes');
  await hint.getByRole('button', { name: '입력란에 넣기' }).click();
  await expect(input).toHaveValue('kubectl get nodes');
  await expect(input).toBeFocused();
  await input.press('Enter');
  await expect(output).toContainText('$ kubectl get nodes\nNAME');
  // A line that has no Hangul, or whose English-mode keys are no command either, gets no hint.
  await input.fill('kubectl get nothing');
  await input.press('Enter');
  await input.fill('ㅋㅋㅋ');
  await input.press('Enter');
  await expect(output).toContainText('ㅋㅋㅋ: 명령을 찾을 수 없습니다');
  await expect(hint).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('help at the prompt answers with what the console takes, in the reader\'s language, and enters nothing in the run', async ({ page }) => {
  await page.addInitScript(() => {
    if (location.protocol !== 'about:') localStorage.setItem('playground.lang', 'ko');
  });
  await page.goto('/');
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '실습 닫기', exact: true }).click();
  const input = page.getByTestId('kubectl-input');
  await input.fill('help');
  await input.press('Enter');
  const help = page.getByTestId('console-help');
  await expect(help).toContainText('콘솔은 다음 명령을 받습니다');
  await expect(help).toContainText('kubectl get|describe|top|logs');
  await expect(help).toContainText('playground interrupt-spot node/NAME');
  await expect(page.getByTestId('terminal-output')).not.toContainText('command not found');
  // Not a command: the run's log stays empty, and a real command after it prints below the help.
  expect(await page.evaluate(() => window.__playground!.getState().session!.log.length)).toBe(0);
  await input.fill('kubectl get nodes');
  await input.press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('NAME');
  const order = await page.getByTestId('terminal-output').innerText();
  expect(order.indexOf('콘솔은 다음 명령을 받습니다')).toBeLessThan(order.indexOf('$ kubectl get nodes'));
});
