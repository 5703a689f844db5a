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
