import { expect, test } from '@playwright/test';
import { app, collectErrors } from './helpers';

test('php-apache: play, drag Load up, and the HPA adds replicas (status, chart, grid)', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('php-apache');
  await a.run('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10');
  await expect(page.getByTestId('terminal-output')).toContainText('horizontalpodautoscaler.autoscaling/php-apache autoscaled');
  await a.setSpeed(60);
  await a.playFor(1500);
  const grid = page.locator('canvas[aria-label]').first();
  const podsInGrid = async () => Number(/(\d+) pods/.exec((await grid.getAttribute('aria-label')) ?? '')?.[1] ?? -1);
  const podsBefore = await podsInGrid();
  expect(podsBefore).toBeGreaterThan(0);

  // The Load slider: more closed-loop clients against php-apache.
  const load = page.getByRole('slider', { name: 'Load', exact: true });
  await expect(load).toBeEnabled();
  await load.fill('20');
  await page.getByRole('button', { name: /Play/ }).click();
  await expect
    .poll(async () => (await a.workloadReplicas('php-apache')).replicas, { timeout: 40_000, message: 'replicas in the status line' })
    .toBeGreaterThan(1);
  // The grid (a canvas) states its pod count in its accessible name: the new replicas are in it.
  await expect.poll(podsInGrid, { message: 'pods in the grid' }).toBeGreaterThan(podsBefore);
  await page.getByRole('button', { name: /Pause/ }).click();

  // The chart legend shows the latest value of each series.
  await expect(page.getByTestId('chart-replicas').locator('.legend')).toContainText(/php-apache current ([2-9]|1\d)/);
  // The HPA sliders come alive once an HPA exists.
  await expect(page.getByRole('slider', { name: 'HPA max', exact: true })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('nginx scaled to 15 on a static cluster: Pending pods with the scheduler message in their details', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('nginx-to-scaleout');
  // Keep the cluster static: the scenario's node group has no autoscaler in this example.
  await a.run('kubectl scale --replicas=15 deployment/nginx-to-scaleout');
  await a.setSpeed(30);
  await a.playFor(1500);
  await expect(page.getByTestId('pods')).toContainText(/[1-9]\d* pending/, { timeout: 15_000 });
  const grid = page.locator('canvas[aria-label]').first();
  await expect(grid).toHaveAttribute('aria-label', /[1-9]\d* pending/);

  // Select a Pending pod, as a click on its tile does, and read its details.
  const pending = await page.evaluate(() => {
    const store = window.__playground!;
    const world = store.getState().session!.world;
    const pod = [...world.pods.values()].find((p) => p.state === 'Pending');
    if (pod) store.getState().select({ kind: 'pod', name: pod.name });
    return pod?.name ?? null;
  });
  expect(pending).not.toBeNull();
  const details = page.getByTestId('details-panel');
  await expect(details).toContainText(pending!);
  await expect(details).toContainText(/0\/3 nodes are available: .*Insufficient cpu/);
  expect(errors).toEqual([]);
});

test('Copy link, then open it in a new page: same time, replicas and nodes', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('nginx-to-scaleout');
  await a.setSpeed(60);
  await a.playFor(2000);
  await a.run('kubectl scale --replicas=7 deployment/nginx-to-scaleout');
  await page.getByRole('slider', { name: 'Node group max', exact: true }).fill('9');
  await a.playFor(800);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('copy-status')).toBeVisible();
  const url = page.url();
  expect(url).toContain('#s=');
  const before = {
    clock: await a.clock.textContent(),
    nodes: await page.getByTestId('nodes').textContent(),
    pods: await page.getByTestId('pods').textContent(),
    workload: await page.getByTestId('workload-nginx-to-scaleout').textContent(),
  };

  const other = await context.newPage();
  const errors = collectErrors(other);
  await other.goto(url);
  const b = app(other);
  await expect(b.clock).toHaveText(before.clock!, { timeout: 30_000 });
  await expect(other.getByTestId('seek-progress')).toHaveCount(0);
  await expect(other.getByTestId('nodes')).toHaveText(before.nodes!);
  await expect(other.getByTestId('pods')).toHaveText(before.pods!);
  await expect(other.getByTestId('workload-nginx-to-scaleout')).toHaveText(before.workload!);
  await expect(other.getByRole('button', { name: /Play/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a corrupt link shows a clear message and the default scenario', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#s=N4IgdghgtgpiBcIDGAGEAaEAzA9gJwFsAGBQtrLSSxXA8xTLQAwK');
  await expect(page.getByTestId('link-error')).toContainText('could not be opened');
  await expect(page.getByTestId('workload-php-apache')).toBeVisible();
  await page.goto('about:blank');
  await page.goto('/#s=');
  await expect(page.getByTestId('link-error')).toBeVisible();
  expect(errors).toEqual([]);
});

test('bad YAML shows the error at its line and keeps the running scenario', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('nginx-to-scaleout');
  await page.getByRole('tab', { name: 'YAML' }).click();
  const editor = page.getByTestId('yaml-editor');
  await expect(editor).toBeVisible({ timeout: 15_000 });
  const original = (await editor.textContent()) ?? '';
  expect(original).toContain('kind: Deployment');
  await editor.click();
  await page.keyboard.press('Control+A');
  const bad = [
    'apiVersion: playground/v1alpha1',
    'kind: Scenario',
    'metadata: {name: broken}',
    'spec:',
    '  nodeGroups:',
    '    - {name: ng1, instanceType: t3.medium, minSize: 1, maxSize: 3, desiredCapacity: 1}',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  replica: 3',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec: {containers: [{name: web, image: nginx}]}',
    '',
  ].join('\n');
  await page.keyboard.insertText(bad);
  await page.getByTestId('yaml-apply').click();
  await expect(page.getByTestId('yaml-errors')).toContainText(':12:3');
  await expect(page.getByTestId('yaml-errors')).toContainText('replica');
  await expect(page.locator('.cm-lintRange-error, .cm-lint-marker-error').first()).toBeVisible();
  // The running scenario is untouched.
  await expect(page.getByTestId('workload-nginx-to-scaleout')).toBeVisible();
  expect(errors).toEqual([]);
});

test('keyboard and scrubber: space plays, → steps, ← and the scrubber replay to an earlier time, ? shows help', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('nginx-to-scaleout');
  await a.setSpeed(60);
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('Space');
  await expect.poll(() => a.simSeconds(), { timeout: 20_000 }).toBeGreaterThan(90);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  const t0 = await a.simSeconds();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => a.simSeconds()).toBe(t0 + 1);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => a.simSeconds()).toBe(t0 - 9);
  // Back before the 1m scale-up on the timeline: nginx has one replica again.
  const scrubber = page.getByRole('slider', { name: 'Time', exact: true });
  await scrubber.focus();
  for (let i = 0; i < t0 - 50; i++) await scrubber.press('ArrowLeft');
  await expect.poll(() => a.simSeconds(), { timeout: 15_000 }).toBeLessThan(60);
  await expect(page.getByTestId('workload-nginx-to-scaleout')).toContainText('replicas 1, desired 1');
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(errors).toEqual([]);
});
