// In-browser layout/draw timing of the grid at 200 nodes / 5,000 pods: node src/ui/cluster/dev/bench.mjs
import { chromium } from '@playwright/test';

const base = process.env.HARNESS_URL ?? 'http://127.0.0.1:5181/src/ui/cluster/dev/index.html';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(`${base}?scenario=scale&t=120&grid=0&cost=0`);
await page.waitForFunction(() => typeof window.clusterBench === 'function');
for (const line of (await page.evaluate(() => window.clusterBench())).split('\n')) console.log(`PERF browser ${line}`);
await browser.close();
