// Screenshots of the cluster view harness: node src/ui/cluster/dev/screenshot.mjs [outDir]
// Needs the dev server: npx vite --port 5181 --strictPort --host 127.0.0.1
import { chromium } from '@playwright/test';

const base = process.env.HARNESS_URL ?? 'http://127.0.0.1:5181/src/ui/cluster/dev/index.html';
const out = process.argv[2] ?? '/tmp/cluster-shots';
const shots = [
  { name: 'nginx-pending', query: 'scenario=nginx-to-scaleout&t=75&select=pending', w: 1280, h: 720 },
  { name: 'php-apache', query: 'scenario=php-apache&t=300&select=node', w: 1280, h: 720 },
  { name: 'php-apache-light', query: 'scenario=php-apache&t=300&theme=light&legend=1', w: 1280, h: 720 },
  { name: 'scale-200', query: 'scenario=scale&t=120', w: 1920, h: 1080 },
  { name: 'nginx-ko-workload', query: 'scenario=nginx-to-scaleout&t=62&lang=ko&legend=1', w: 1280, h: 720 },
  { name: 'hover-pending', query: 'scenario=nginx-to-scaleout&t=75', w: 1280, h: 720, hover: [40, 122] },
  { name: 'hover-node', query: 'scenario=nginx-to-scaleout&t=75', w: 1280, h: 720, hover: [300, 190] },
  { name: 'legend-workload', query: 'scenario=php-apache&t=120', w: 1280, h: 720, legend: true, colorBy: 'workload' },
];
const only = process.argv[3];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const s of shots) {
  if (only && s.name !== only) continue;
  const page = await browser.newPage({ viewport: { width: s.w, height: s.h } });
  page.on('console', (m) => console.log(`[${s.name}] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[${s.name}] pageerror: ${e.message}`));
  await page.goto(`${base}?${s.query}`);
  await page.waitForSelector('[data-testid="cluster-view"] canvas');
  await page.waitForTimeout(800);
  if (s.colorBy) await page.getByRole('combobox', { name: 'Colour by' }).selectOption(s.colorBy);
  if (s.legend) await page.getByRole('button', { name: 'Legend' }).click();
  if (s.hover) await page.mouse.move(s.hover[0], s.hover[1]);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/${s.name}.png` });
  await page.close();
}
await browser.close();
