import { expect, test } from '@playwright/test';

test('the playground runs the engine live and answers kubectl', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('nodes')).toContainText('Nodes 3/3 ready');
  await expect(page.getByTestId('clock')).toHaveText('0:00');

  await page.getByTestId('step').click();
  await expect(page.getByTestId('clock')).toHaveText('0:01');

  await page.getByLabel('Speed').selectOption('100');
  await page.getByTestId('play').click();
  // The timeline scales nginx to 15 at 1m: nine fit on three t3.medium nodes, six stay Pending.
  await expect(page.getByTestId('pods')).toContainText('6 pending', { timeout: 20_000 });
  await page.getByTestId('play').click();

  const input = page.getByTestId('kubectl-input');
  await input.fill('kubectl get pods');
  await input.press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('Pending');

  await input.fill('kubectl scale --replicas=3 deployment/nope');
  await input.press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('Error from server (NotFound): deployments.apps "nope" not found');
  expect(errors).toEqual([]);
});
