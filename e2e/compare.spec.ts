import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { app, collectErrors } from './helpers';
import { expectOnScreen } from './onScreen';

const FIXTURES = 'src/scenario/import/fixtures';

async function openCompare(page: Page) {
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByTestId('compare-panel')).toBeVisible();
}

/** ca-nginx-scaleout as run A, its Karpenter preset started as run B. */
async function compareCaWithKarpenter(page: Page) {
  await app(page).pickScenario('ca-nginx-scaleout');
  await openCompare(page);
  await page.getByTestId('compare-pick').selectOption('preset:karpenter');
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-legend')).toContainText('B: ca-nginx-scaleout-karpenter');
}

async function shot(page: Page, name: string) {
  for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/compare-${name}-${w}x${h}.png` });
  }
}

test('CA example vs "Karpenter instead": 30 simulated minutes, the scorecard, a click lands at that time', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('ca-nginx-scaleout');
  await openCompare(page);
  const pick = page.getByTestId('compare-pick');
  // Only the presets that fit are enabled: this scenario has a CA and node groups, no Karpenter or HPA.
  await expect(pick.locator('option[value="preset:karpenter"]')).toBeEnabled();
  await expect(pick.locator('option[value="preset:cluster-autoscaler"]')).toBeDisabled();
  await pick.selectOption('preset:karpenter');
  await expect(page.getByTestId('compare-yaml')).toHaveValue(/kind: NodePool/);
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-legend')).toContainText('B: ca-nginx-scaleout-karpenter');

  await a.setSpeed(1000);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(() => a.simSeconds(), { timeout: 120_000 }).toBeGreaterThanOrEqual(1800);
  await page.getByRole('button', { name: /Pause/ }).click();

  // The engine's scorecard for both runs (docs/scorecard.md): the CA and Karpenter both add 2 nodes
  // at 1:15; Karpenter removes them right after the delete at 5m, the CA only after 10 minutes.
  const card = page.getByTestId('scorecard');
  await expect(page.getByTestId('score-nodesLaunched-a')).toHaveText(/^2 @1:[01]\d$/);
  await expect(page.getByTestId('score-nodesLaunched-b')).toHaveText(/^2 @1:[01]\d$/);
  await expect(page.getByTestId('score-nodesTerminated-a')).toHaveText(/^2 @15:/);
  await expect(page.getByTestId('score-nodesTerminated-b')).toHaveText(/^2 @[56]:/);
  await expect(page.getByTestId('score-timeToCapacity-a')).toContainText('@1:00');
  await expect(card.locator('tr', { hasText: 'Total cost' }).locator('td').last()).toHaveText(/^-\$0\.0\d+$/);
  // The overlay charts start with the replicas, where an HPA or KEDA what-if shows its difference.
  await expect(page.locator('.compare-chart figcaption').first()).toHaveText('Replicas (all workloads) max 15');
  await shot(page, 'ca-vs-karpenter');

  // Click → time travel: the pending pod-seconds figure points at 1:00.
  const pending = page.getByTestId('score-pendingPodSeconds-a');
  await expect(pending).toHaveAttribute('data-at', '60');
  await pending.click();
  await expect.poll(() => a.simSeconds(), { timeout: 30_000 }).toBe(60);
  // B follows A's clock back to 1:00 as well.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __compare?: { getState(): { b: { timeMs: number } | null } } }).__compare?.getState().b?.timeMs)).toBe(60_000);
  expect(errors).toEqual([]);
});

test('import the fixture cluster: the report, bad input keeps the run, then compare with a preset', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/');
  const a = app(page);
  await a.pickScenario('ca-nginx-scaleout');
  await openCompare(page);
  await page.getByTestId('compare-import-tab').click();

  // The file picker is the page's own button (the browser's says "Choose File" in its own language).
  await expect(page.getByTestId('import-file-name')).toHaveText('No file chosen');
  // Broken input: a clear message, and the current run stays.
  await page.getByTestId('import-file').setInputFiles(`${FIXTURES}/broken-truncated.yaml`);
  await expect(page.getByTestId('import-text')).toHaveValue(/items:/);
  await expect(page.getByTestId('import-file-name')).toHaveText('broken-truncated.yaml');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-errors')).toContainText('looks cut off');
  await expect(a.status).toHaveAttribute('data-scenario', 'ca-nginx-scaleout');
  // A cluster that maps but cannot run is refused at Read, naming what was pasted (not a line of
  // the written scenario, which the panel never shows), and is not offered as run A.
  const huge = readFileSync(`${FIXTURES}/cluster.yaml`, 'utf8').replace(/(name: metrics-server\n {4}namespace: kube-system\n[\s\S]*?\n {4}replicas: )1\n/, '$12000000\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'huge.yaml', mimeType: 'text/yaml', buffer: Buffer.from(huge) });
  await expect(page.getByTestId('import-file-name')).toHaveText('huge.yaml');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-errors')).toContainText('the pasted Deployment kube-system/metrics-server cannot run as imported: spec.replicas: Invalid value: 2000000');
  await expect(page.getByTestId('import-errors')).not.toContainText('imported.yaml');
  await expect(page.getByTestId('import-open')).toHaveCount(0);

  // A 770 KB paste is slow to type into a textarea: hand it over as a file, as a person would.
  const text = `${readFileSync(`${FIXTURES}/cluster.yaml`, 'utf8')}---\n${readFileSync(`${FIXTURES}/cluster-extras.yaml`, 'utf8')}`;
  await page.getByTestId('import-file').setInputFiles({ name: 'cluster.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
  // Reading 770 KB and rendering it in a textarea takes seconds on a busy machine.
  await expect(page.getByTestId('import-text')).toHaveValue(/kind: List/, { timeout: 30_000 });
  await page.getByTestId('import-top').fill(readFileSync(`${FIXTURES}/top-pods.txt`, 'utf8'));
  await page.getByTestId('import-run').click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('13 nodes in 3 node groups, 60 workloads');
  await expect(report).toContainText('PodDisruptionBudget data/kafka');
  await expect(report).toContainText('1 Secret (never imported)');
  await shot(page, 'import-report');
  await page.getByTestId('import-open').click();
  await expect(a.status).toHaveAttribute('data-scenario', 'imported-shop-prod');

  // Compare the imported cluster with spot capacity.
  await page.getByRole('tab', { name: 'Compare runs' }).click();
  await page.getByTestId('compare-pick').selectOption('preset:spot');
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-legend')).toContainText('B: imported-shop-prod-spot');
  await a.setSpeed(100);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(() => a.simSeconds(), { timeout: 90_000 }).toBeGreaterThanOrEqual(60);
  await page.getByRole('button', { name: /Pause/ }).click();
  // Both runs are scored on the same clock.
  await expect(page.getByTestId('score-totalCost-a')).toBeVisible();
  await expect(page.getByTestId('score-totalCost-b')).toBeVisible();
  await shot(page, 'imported-vs-spot');
  expect(errors).toEqual([]);
});

test('one link opens both runs with the scorecard; a damaged run B is reported and run A goes on', async ({ page, context }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/');
  await compareCaWithKarpenter(page);
  await page.evaluate(() => {
    const s = window.__playground!.getState();
    for (let i = 0; i < 120; i++) s.stepOnce();
  });
  await expect(page).toHaveURL(/cmp=preset:karpenter/, { timeout: 5000 });
  await expect(page).toHaveURL(/t=120/, { timeout: 5000 });

  // The link alone: run A replayed to 2:00, run B beside it on the same clock, the scorecard.
  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(page.url());
  await expect(other.getByTestId('compare-legend')).toContainText('B: ca-nginx-scaleout-karpenter', { timeout: 30_000 });
  await expect(other.getByTestId('status')).toContainText('Sim time 2:00');
  await expect(other.getByTestId('score-nodesLaunched-a')).toHaveText(/^2 @1:[01]\d$/);
  await expect(other.getByTestId('score-nodesLaunched-b')).toHaveText(/^2 @1:[01]\d$/);
  await expect.poll(() => other.evaluate(() => (window as unknown as { __compare?: { getState(): { b: { timeMs: number } | null } } }).__compare?.getState().b?.timeMs)).toBe(120_000);
  // Both node grids side by side, and Why for run B.
  await other.getByTestId('compare-view-grids').click();
  await expect(other.getByTestId('compare-grids')).toHaveAttribute('data-both', '1');
  await expect(other.getByTestId('compare-grid-a')).toHaveAttribute('data-nodes', '5');
  await expect(other.getByTestId('compare-grid-b')).toHaveAttribute('data-nodes', '5');
  await other.getByTestId('compare-view-why').click();
  await other.getByTestId('compare-run-b').click();
  await expect(other.getByTestId('compare-why-b')).toContainText('Karpenter');
  expect(otherErrors).toEqual([]);

  // A damaged run B: said where, and run A is untouched.
  const broken = await context.newPage();
  await broken.goto(page.url().replace('cmp=preset:karpenter', 'cmp=preset:nope'));
  await expect(broken.getByTestId('compare-link-errors')).toContainText('cmp: unknown preset "nope"', { timeout: 30_000 });
  await expect(broken.getByTestId('status')).toContainText('Sim time 2:00');
  await expect(broken.getByTestId('status')).toHaveAttribute('data-scenario', 'ca-nginx-scaleout');
  // The good link pasted into that page (only the hash changes, no reload): run B opens beside the same run A.
  await broken.evaluate((h) => (window.location.hash = h), new URL(page.url()).hash);
  await expect(broken.getByTestId('compare-legend')).toContainText('B: ca-nginx-scaleout-karpenter', { timeout: 30_000 });
  await expect(broken.getByTestId('status')).toContainText('Sim time 2:00');
  await expect(broken.getByTestId('confirm-discard')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('in projector mode, where Copy link is folded away, the share hint says how to reach it (English and Korean)', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('playground.projector', '1'));
  await page.goto('/');
  await compareCaWithKarpenter(page);
  const deskHint = page.getByTestId('compare-share-hint');
  const projectorHint = page.getByTestId('compare-share-hint-projector');
  await expect(page.getByTestId('copy-link')).toBeHidden();
  await expect(deskHint).toBeHidden();
  await expect(projectorHint).toHaveText('To share both runs and the scorecard, leave projector mode (P or the Projector button), then Copy link in the top bar.');
  await expectOnScreen(projectorHint);
  await page.screenshot({ path: 'test-results/compare-share-hint-projector-en.png' });
  await page.getByLabel('Language').selectOption('ko');
  await expect(projectorHint).toHaveText('두 실행과 스코어카드를 공유하려면 프로젝터 모드를 끈 뒤(P 키 또는 프로젝터 버튼) 위쪽의 링크 복사를 누르세요.');
  await expectOnScreen(projectorHint);
  await page.screenshot({ path: 'test-results/compare-share-hint-projector-ko.png' });
  // Out of projector mode Copy link is back in the top bar, and so is the hint that names it.
  await page.getByTestId('projector-toggle').click();
  await expect(page.locator('html')).not.toHaveAttribute('data-projector', '');
  await expect(page.getByTestId('copy-link')).toBeVisible();
  await expect(projectorHint).toBeHidden();
  await expect(deskHint).toHaveText('위쪽의 링크 복사로 두 실행과 스코어카드를 함께 공유할 수 있습니다.');
  expect(errors).toEqual([]);
});

/** One node whose zone label names a zone its region does not have: the import reads it, the scenario loader refuses it. */
const NODE_IN_UNKNOWN_ZONE = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: ip-10-0-0-1.ap-northeast-2.compute.internal
    labels:
      node.kubernetes.io/instance-type: t3.medium
      topology.kubernetes.io/region: ap-northeast-2
      topology.kubernetes.io/zone: ap-northeast-2z
      eks.amazonaws.com/nodegroup: ng1
  status:
    allocatable: {cpu: 1930m, memory: 3388Mi, pods: "17"}
    capacity: {cpu: "2", memory: 3900Mi, pods: "17"}
`;

test('in Korean, the import’s parser errors and the scenario loader’s errors at Read read in Korean', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('playground.lang', 'ko'));
  await page.goto('/');
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-scenario', /.+/, { timeout: 30_000 });
  // A first visit opens lesson 0 (waited for: the keyboard must work after it too); closed, so
  // nothing arrives while the import is used.
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '실습 닫기', exact: true }).click();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  const before = await status.getAttribute('data-scenario');
  await page.getByRole('tab', { name: '비교' }).click();
  await page.getByTestId('compare-import-tab').click();
  const text = page.getByTestId('import-text');
  const box = page.getByTestId('import-errors');
  // The file picker speaks Korean (not the browser's "Choose File / No file chosen"), and the keyboard reaches it.
  const chooser = page.getByTestId('import-file-button');
  await expect(chooser).toHaveText('파일 선택…');
  await expect(page.getByTestId('import-file-name')).toHaveText('선택한 파일 없음');
  await expect(page.getByTestId('import-panel')).not.toContainText(/Choose File|No file chosen/);
  await chooser.focus();
  // waitForEvent turns on Playwright's file-chooser interception without waiting for the page to
  // have it; a key sent at once can reach the page first, and the chooser it opens goes to headless
  // Chromium's own dialog, which never answers. A round trip to the page (toBeFocused) after it
  // puts the interception in place before Enter (a mouse click makes such round trips itself).
  const picking = page.waitForEvent('filechooser');
  await expect(chooser).toBeFocused();
  await page.keyboard.press('Enter');
  await (await picking).setFiles({ name: 'nodes.yaml', mimeType: 'text/yaml', buffer: Buffer.from('items: []\n') });
  await expect(page.getByTestId('import-file-name')).toHaveText('nodes.yaml');
  await expect(text).toHaveValue('items: []\n');
  await page.screenshot({ path: 'test-results/import-ko-file-picker.png' });
  // The YAML parser's words, quoted inside a Korean sentence that says where and why.
  await text.fill('items:\n  - a: [1, 2\n');
  await page.getByTestId('import-run').click();
  await expect(box).toContainText('문서 1, 3번째 줄, 1열: YAML로 읽을 수 없습니다. 열린 [ 또는 {가 닫히지 않았거나, 그다음 줄의 들여쓰기가 부족합니다 (파서의 메시지: "Flow sequence in block collection');
  await page.screenshot({ path: 'test-results/import-ko-yaml-error.png' });
  await text.fill('{"kind": "List", "items": [');
  await page.getByTestId('import-run').click();
  await expect(box).toContainText('문서 1, 1번째 줄, 28열: JSON으로 읽을 수 없습니다. JSON이 끝나기 전에 텍스트가 끝납니다. 중간에 잘린 것 같습니다 (파서의 메시지: "Unexpected end of JSON input")');
  // Imported fine, refused by the scenario loader at Read: said in Korean, not offered as run A; the run on screen stays.
  await text.fill(NODE_IN_UNKNOWN_ZONE);
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expect(page.getByTestId('import-open')).toHaveCount(0);
  await expect(box).toContainText(/붙여넣은 객체로 만든 시나리오를 실행할 수 없습니다\. spec\.nodeGroups\[0\]\.zones\[0\]: 지원하지 않는 값 "ap-northeast-2z": ap-northeast-2의 가용 영역은 ap-northeast-2a, .*입니다/);
  await expect(box).not.toContainText('imported.yaml');
  await expect(box).not.toContainText('Unsupported value');
  await expect(status).toHaveAttribute('data-scenario', before!);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/import-ko-load-error.png' });
  expect(errors).toEqual([]);
});

test('in Korean at 1280×720 with two runs compared, the grid keeps its toolbar and filter bar on screen above the panel', async ({ page }) => {
  // Walkthrough 5 (D9): five nodes' rows and the Korean cost line's wrap pushed the filter bar half
  // under the Compare panel. The node table above scrolls instead.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => {
    if (location.protocol !== 'about:') localStorage.setItem('playground.lang', 'ko');
  });
  await page.goto('/');
  await expect(page.getByTestId('lesson-step')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '실습 닫기', exact: true }).click();
  await page.getByTestId('scenario-picker').selectOption('ca-nginx-scaleout');
  await expect(page.getByTestId('status')).toHaveAttribute('data-scenario', 'ca-nginx-scaleout');
  await page.getByRole('tab', { name: '비교' }).click();
  await page.getByTestId('compare-pick').selectOption('preset:karpenter');
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-legend')).toBeVisible();
  // Five nodes, as in the walkthrough: the example scales nginx to 15 at 1:00.
  await page.getByRole('slider', { name: '속도', exact: true }).fill('8');
  await page.getByRole('button', { name: '재생' }).click();
  await expect(page.getByTestId('status')).toContainText('노드 5개', { timeout: 60_000 });
  await page.getByRole('button', { name: '일시정지' }).click();
  await expectOnScreen(page.locator('.cluster-filterbar'));
  await expectOnScreen(page.getByTestId('faults-menu'));
  await expectOnScreen(page.getByTestId('cost-per-hour'));
});
