// Frame times of the harness playing a 200-node / 5,000-pod cluster at 60×:
// node src/ui/cluster/dev/perf.mjs   (needs the dev server on 5181)
import { chromium } from '@playwright/test';

const base = process.env.HARNESS_URL ?? 'http://127.0.0.1:5181/src/ui/cluster/dev/index.html';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const cases = ['scenario=scale&t=120&play=1&speed=60', 'scenario=scale&t=120&play=1&speed=60&grid=0&cost=0', 'scenario=scale&t=120'];
for (const q of cases) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${base}?${q}`);
  await page.waitForSelector('#root > div');
  await page.waitForTimeout(1500);
  const r = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const times = [];
        let last = performance.now();
        const end = last + 4000;
        let longTasks = 0;
        new PerformanceObserver((l) => (longTasks += l.getEntries().filter((e) => e.duration > 50).length)).observe({ type: 'longtask' });
        const tick = (now) => {
          times.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else {
            times.sort((a, b) => a - b);
            resolve({ frames: times.length, median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], longTasks });
          }
        };
        requestAnimationFrame(tick);
      }),
  );
  const simTime = await page.evaluate(() => document.querySelector('[data-testid="cluster-view"]')?.getAttribute('data-pods'));
  console.log(`PERF harness ${q} frames=${r.frames} medianMs=${r.median.toFixed(1)} p95Ms=${r.p95.toFixed(1)} longTasks=${r.longTasks} pods=${simTime}`);
  await page.close();
}
await browser.close();
