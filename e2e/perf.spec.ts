import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { encodeShareHash } from '../src/scenario/urlCodec';
import { app } from './helpers';
import { analyse, analyseTrace, printBreakdown, printTrace, profileWhile, sourceMapper, traceWhile, type TraceBreakdown } from './profile';

/**
 * Prints PERF lines (no timing assertions): frame time at 200 nodes / 5,000 pods playing at 60× and
 * 1000× (median, p95, long tasks), long tasks while dragging a slider, seek time, 1,000 nodes /
 * 30,000 pods at 60× (with a screenshot in test-results/), compare mode at 200 and at 1,000 nodes,
 * and the initial bundle's gzip size.
 */
const BIG = `apiVersion: playground/v1alpha1
kind: Scenario
metadata: {name: perf-200-nodes}
spec:
  seed: 1
  duration: 2h
  region: ap-northeast-2
  nodeGroups:
    - {name: ng1, instanceType: m5.4xlarge, minSize: 200, maxSize: 200, desiredCapacity: 200}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 5000
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          resources: {requests: {cpu: 100m, memory: 128Mi}}
`;

interface LoopStat {
  engineMs: number;
  ticks: number;
  publishMs: number;
}

/** The play loop's own per-frame figures (src/store/playgroundStore.ts loopStats). */
function loopSummary(stats: LoopStat[]): string {
  const q = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : 0);
  const engine = stats.map((s) => s.engineMs);
  const pub = stats.filter((s) => s.publishMs >= 0).map((s) => s.publishMs);
  const f = (x: number) => x.toFixed(1);
  return `${stats.length} frames, ${stats.reduce((a, s) => a + s.ticks, 0)} ticks; engine per frame median ${f(q(engine, 0.5))} ms, p95 ${f(q(engine, 0.95))}, max ${f(q(engine, 1))}; ${pub.length} publications, each median ${f(q(pub, 0.5))} ms, p95 ${f(q(pub, 0.95))}, max ${f(q(pub, 1))}`;
}

/** Long tasks by the main thread's CPU time (trace tdur): what a machine that is not shared would see. */
function cpuLine(r: TraceBreakdown): string {
  return `by main-thread CPU time: ${r.cpuLong} over 50 ms, max ${(r.cpu[0] ?? 0).toFixed(0)} ms`;
}

async function frameStats(page: Page, ms: number): Promise<{ median: number; p95: number; frames: number }> {
  return page.evaluate(
    (duration) =>
      new Promise<{ median: number; p95: number; frames: number }>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const start = last;
        const tick = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (now - start < duration) requestAnimationFrame(tick);
          else {
            deltas.sort((a, b) => a - b);
            resolve({ median: deltas[Math.floor(deltas.length / 2)], p95: deltas[Math.floor(deltas.length * 0.95)], frames: deltas.length });
          }
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}


/** The same drag for every measurement: from the middle of the slider 30 steps left, then settle. */
async function dragLeft(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i <= 30; i++) {
    await page.mouse.move(box.x + box.width * (0.5 - i * 0.01), box.y + box.height / 2);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
  await page.waitForTimeout(1500);
}

/** Open `scenario` at 1920×1080 and play it at 60× until its ~5,000 pods run. */
async function playAt60(page: Page, scenario: string): Promise<ReturnType<typeof app>> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/${encodeShareHash({ scenario, seed: 1, commands: [] })}`);
  const a = app(page);
  await expect(page.getByTestId('workload-web')).toBeVisible({ timeout: 30_000 });
  await a.setSpeed(60);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(page.getByTestId('pods')).toContainText(/5\d{3} running/, { timeout: 60_000 });
  return a;
}

/** From now on, every long task's duration goes to window.__longTasks (takeLongTasks empties it). */
async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

const takeLongTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));

test('PERF: 200 nodes / 5,000 pods at 60×, slider drag, bundle size', async ({ page }) => {
  test.setTimeout(180_000);
  const a = await playAt60(page, BIG);
  const status = await page.getByTestId('status').textContent();
  const f60 = await frameStats(page, 6000);
  const simBefore = await a.simSeconds();
  await page.waitForTimeout(3000);
  const simRate = ((await a.simSeconds()) - simBefore) / 3;
  console.log(`PERF frame@60x 200nodes/5000pods: median ${f60.median.toFixed(1)} ms, p95 ${f60.p95.toFixed(1)} ms, ${f60.frames} frames in 6 s; sim speed achieved ${simRate.toFixed(1)}x (${status})`);

  // Long tasks while dragging the Replicas slider, sim still playing.
  await observeLongTasks(page);
  await page.waitForTimeout(3000);
  const idle = await takeLongTasks(page);
  console.log(`PERF long tasks playing at 60x without input (3 s baseline): ${idle.length}, ${idle.filter((d) => d > 50).length} over 50 ms, max ${Math.max(0, ...idle).toFixed(0)} ms`);
  const slider = page.getByRole('slider', { name: 'Replicas', exact: true });
  const box = (await slider.boundingBox())!;
  // A trace alongside: the main thread's CPU time of each long task, which a busy machine does not inflate.
  const dragTrace = await traceWhile(page, () => dragLeft(page, box));
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const over50 = longTasks.filter((d) => d > 50);
  console.log(`PERF long tasks while dragging Replicas (playing at 60x): ${longTasks.length} long tasks, ${over50.length} over 50 ms, max ${Math.max(0, ...longTasks).toFixed(0)} ms; ${cpuLine(analyseTrace(dragTrace))}`);

  await a.setSpeed(1000);
  await takeLongTasks(page);
  const f1000 = await frameStats(page, 4000);
  const before1000 = await a.simSeconds();
  const trace1000 = await traceWhile(page, () => page.waitForTimeout(3000));
  const lt1000 = await takeLongTasks(page);
  console.log(
    `PERF frame@1000x: median ${f1000.median.toFixed(1)} ms, p95 ${f1000.p95.toFixed(1)} ms; sim speed achieved ${(((await a.simSeconds()) - before1000) / 3).toFixed(0)}x; long tasks ${lt1000.length}, ${lt1000.filter((d) => d > 50).length} over 50 ms, max ${Math.max(0, ...lt1000).toFixed(0)} ms; ${cpuLine(analyseTrace(trace1000))}`,
  );
  await page.getByRole('button', { name: /Pause/ }).click();

  // Seek: back to the middle of the run, timed until the status shows the target time.
  const horizon = await a.simSeconds();
  const target = Math.floor(horizon / 2);
  const seekStart = Date.now();
  await page.getByTestId('scrubber').fill(String(target * 1000));
  await page.getByTestId('scrubber').blur();
  await expect.poll(() => a.simSeconds(), { timeout: 120_000 }).toBeLessThanOrEqual(target + 1);
  console.log(`PERF seek 200nodes/5000pods from ${horizon}s back to ${target}s: ${((Date.now() - seekStart) / 1000).toFixed(2)} s`);

  // Initial bundle: what index.html loads before any lazy chunk.
  if (existsSync('dist/index.html')) {
    const html = readFileSync('dist/index.html', 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    let initial = 0;
    for (const r of refs) initial += gzipSync(readFileSync(`dist/${r}`)).length;
    console.log(`PERF bundle initial gzip: ${(initial / 1024).toFixed(1)} KB (${refs.join(', ')})`);
  }
});

/**
 * BIG with traffic into web (12,000 rps at 20m a request: ~48% of its CPU requests) and an HPA on it
 * (target 50%), so every slider of the controls is live: Load, Replicas, the HPA's three and the
 * node group's two.
 */
const BIG_CONTROLLED = BIG.replace(
  '    - {name: ng1, instanceType: m5.4xlarge, minSize: 200, maxSize: 200, desiredCapacity: 200}\n',
  '    - {name: ng1, instanceType: m5.4xlarge, minSize: 200, maxSize: 200, desiredCapacity: 200}\n  load:\n    - {target: web, cpuPerRequest: 20m, profile: [{at: 0s, rps: 12000}]}\n',
) + `---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 6000
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
`;

test('PERF: dragging each slider at 200 nodes / 5,000 pods, playing at 60×', async ({ page }) => {
  test.setTimeout(240_000);
  await playAt60(page, BIG_CONTROLLED);
  await observeLongTasks(page);
  // The drags that shrink the cluster most (the node group's max, the Load, the HPA's max) come last.
  for (const id of ['replicas-slider', 'hpa-target', 'hpa-min', 'ng-min', 'ng-max', 'load-slider', 'hpa-max']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    const pods = await page.getByTestId('pods').textContent();
    await takeLongTasks(page);
    const trace = await traceWhile(page, () => dragLeft(page, box));
    const lt = await takeLongTasks(page);
    console.log(
      `PERF drag ${id} (playing at 60x, ${pods}): ${lt.length} long tasks, ${lt.filter((d) => d > 50).length} over 50 ms, max ${Math.max(0, ...lt).toFixed(0)} ms; ${cpuLine(analyseTrace(trace))}; then ${await page.getByTestId('pods').textContent()}`,
    );
  }
  await page.getByRole('button', { name: /Pause/ }).click();
});

/** How far run B trails run A, in sim seconds (B follows A's clock through the engine worker). */
const bLag = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as { __compare?: { getState(): { b: { timeMs?: number; world?: { timeMs: number } | null } | null } } }).__compare;
    const b = c?.getState().b;
    const bMs = b?.timeMs ?? b?.world?.timeMs ?? 0;
    const aSec = document.querySelector('[data-testid="status-time"]')?.textContent ?? '';
    return { bMs, aSec };
  });

/** Counts the grids of run B that reach the page from now on (window.__bGrids). */
const countBGrids = (page: Page) =>
  page.evaluate(() => {
    type Store = { subscribe(f: (s: { b: { grid: unknown } | null }, p: { b: { grid: unknown } | null }) => void): () => void };
    const w = window as unknown as { __compare?: Store; __bGrids?: number; __bGridsStop?: () => void };
    w.__bGridsStop?.();
    w.__bGrids = 0;
    w.__bGridsStop = w.__compare?.subscribe((s, p) => {
      if (s.b?.grid && s.b.grid !== p.b?.grid) w.__bGrids = (w.__bGrids ?? 0) + 1;
    });
  });
const bGrids = (page: Page) => page.evaluate(() => (window as unknown as { __bGrids?: number }).__bGrids ?? 0);

/**
 * From a paused run A: opens compare mode with run B = the same scenario, plays at `speed` and
 * prints one PERF line per view (frames, long tasks, how far B trails A, and how often B's grid came).
 */
async function measureCompare(page: Page, a: ReturnType<typeof app>, label: string, speed: number): Promise<void> {
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByTestId('compare-pick').selectOption('edited');
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-legend')).toBeVisible({ timeout: 120_000 });
  await observeLongTasks(page);
  await a.setSpeed(speed);
  await page.getByRole('button', { name: /Play/ }).click();
  for (const view of ['scorecard', 'grids'] as const) {
    await page.getByTestId(`compare-view-${view}`).click();
    await page.waitForTimeout(1500);
    await takeLongTasks(page);
    const f = await frameStats(page, 4000);
    const before = await a.simSeconds();
    await countBGrids(page);
    const trace = await traceWhile(page, () => page.waitForTimeout(3000));
    const lt = await takeLongTasks(page);
    const lag = await bLag(page);
    const grids = view === 'grids' ? `; B's grid refreshed ${await bGrids(page)} times in 3 s` : '';
    console.log(
      `PERF compare ${view}@${speed}x (${label}): median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms; sim speed achieved ${(((await a.simSeconds()) - before) / 3).toFixed(0)}x; long tasks ${lt.length}, ${lt.filter((d) => d > 50).length} over 50 ms, max ${Math.max(0, ...lt).toFixed(0)} ms; ${cpuLine(analyseTrace(trace))}; A at ${lag.aSec}, B at ${(lag.bMs / 1000).toFixed(0)} s${grids}`,
    );
  }
  await page.getByRole('button', { name: /Pause/ }).click();
}

test('PERF: compare mode at 200 nodes / 5,000 pods with an HPA, run B = the same scenario, at 1000×', async ({ page }) => {
  test.setTimeout(240_000);
  const a = await playAt60(page, BIG_CONTROLLED);
  await page.getByRole('button', { name: /Pause/ }).click();
  await measureCompare(page, a, 'A and B 200 nodes, HPA', 1000);
});

/** examples/large-cluster.yaml (1,000 nodes / 30,000 pods) at 1920×1080, playing at 60× once its pods run. */
async function playLargeCluster(page: Page): Promise<ReturnType<typeof app>> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/${encodeShareHash({ scenario: readFileSync('examples/large-cluster.yaml', 'utf8'), seed: 1, commands: [] })}`);
  const a = app(page);
  await expect(page.getByTestId('workload-web')).toBeVisible({ timeout: 120_000 });
  await a.setSpeed(60);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(page.getByTestId('pods')).toContainText(/3\d{4} running/, { timeout: 180_000 });
  return a;
}

test('PERF: 1,000 nodes / 30,000 pods (examples/large-cluster.yaml) at 60×, alone and in compare mode', async ({ page }) => {
  test.setTimeout(420_000);
  const a = await playLargeCluster(page);
  const f = await frameStats(page, 6000);
  const before = await a.simSeconds();
  await page.waitForTimeout(3000);
  console.log(`PERF frame@60x 1000nodes/30000pods: median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, ${f.frames} frames in 6 s; sim speed achieved ${(((await a.simSeconds()) - before) / 3).toFixed(1)}x`);
  await page.screenshot({ path: 'test-results/perf-large-cluster.png' });
  await page.getByRole('button', { name: /Pause/ }).click();
  await measureCompare(page, a, 'A and B 1,000 nodes / 30,000 pods', 60);
});

/**
 * PERF_PROFILE=1: what the long tasks are made of (e2e/profile.ts), playing at 1000× and while
 * dragging Replicas at 60×, 200 nodes / 5,000 pods. Build with `npx vite build --sourcemap` first
 * (and PERF_DIST=<outDir> if not dist) so samples map to source files. Prints, asserts nothing.
 */
test('PROFILE: long tasks at 1000× and while dragging Replicas (PERF_PROFILE=1)', async ({ page, baseURL }) => {
  test.skip(!process.env.PERF_PROFILE, 'set PERF_PROFILE=1 to profile');
  test.setTimeout(240_000);
  const dist = process.env.PERF_DIST ?? 'dist';
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/${encodeShareHash({ scenario: BIG, seed: 1, commands: [] })}`);
  const a = app(page);
  await expect(page.getByTestId('workload-web')).toBeVisible({ timeout: 30_000 });
  await a.setSpeed(60);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(page.getByTestId('pods')).toContainText(/5\d{3} running/, { timeout: 60_000 });
  await page.waitForTimeout(2000);

  const slider = page.getByRole('slider', { name: 'Replicas', exact: true });
  const box = (await slider.boundingBox())!;
  await page.evaluate(() => ((globalThis as { __playLoopStats?: unknown[] }).__playLoopStats = []));
  await page.waitForTimeout(3000);
  console.log(`LOOP playing at 60x: ${loopSummary(await page.evaluate(() => (globalThis as unknown as { __playLoopStats: LoopStat[] }).__playLoopStats.splice(0)))}`);
  const drag = await profileWhile(page, () => dragLeft(page, box));
  printBreakdown('dragging Replicas at 60x', analyse(drag, dist, baseURL!));
  const dragTrace = await traceWhile(page, async () => {
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 0; i <= 30; i++) {
      await page.mouse.move(box.x + box.width * (0.2 + i * 0.01), box.y + box.height / 2);
      await page.waitForTimeout(30);
    }
    await page.mouse.up();
    await page.waitForTimeout(1500);
  });
  printTrace('dragging Replicas at 60x', analyseTrace(dragTrace, sourceMapper(dist, baseURL!)));

  await a.setSpeed(1000);
  await page.waitForTimeout(1000);
  await page.evaluate(() => ((globalThis as { __playLoopStats?: unknown[] }).__playLoopStats = []));
  await page.waitForTimeout(4000);
  console.log(`LOOP playing at 1000x: ${loopSummary(await page.evaluate(() => (globalThis as unknown as { __playLoopStats: LoopStat[] }).__playLoopStats.splice(0)))}`);
  const fast = await profileWhile(page, () => page.waitForTimeout(6000));
  printBreakdown('playing at 1000x', analyse(fast, dist, baseURL!));
  await page.screenshot({ path: 'test-results/perf-1000x.png' });
  printTrace('playing at 1000x', analyseTrace(await traceWhile(page, () => page.waitForTimeout(6000)), sourceMapper(dist, baseURL!)));
  await page.getByRole('button', { name: /Pause/ }).click();
});

/** PERF_PROFILE=1: what the slow frames at 1,000 nodes / 30,000 pods and 60× are made of. */
test('PROFILE: 1,000 nodes / 30,000 pods at 60× (PERF_PROFILE=1)', async ({ page, baseURL }) => {
  test.skip(!process.env.PERF_PROFILE, 'set PERF_PROFILE=1 to profile');
  test.setTimeout(300_000);
  const dist = process.env.PERF_DIST ?? 'dist';
  await playLargeCluster(page);
  await page.evaluate(() => ((globalThis as { __playLoopStats?: unknown[] }).__playLoopStats = []));
  await page.waitForTimeout(4000);
  console.log(`LOOP 1000 nodes at 60x: ${loopSummary(await page.evaluate(() => (globalThis as unknown as { __playLoopStats: LoopStat[] }).__playLoopStats.splice(0)))}`);
  printBreakdown('1000 nodes at 60x', analyse(await profileWhile(page, () => page.waitForTimeout(6000)), dist, baseURL!));
  printTrace('1000 nodes at 60x', analyseTrace(await traceWhile(page, () => page.waitForTimeout(6000)), sourceMapper(dist, baseURL!)));
  await page.getByRole('button', { name: /Pause/ }).click();
});
