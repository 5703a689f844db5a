import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { encodeRunHash } from '../src/app/share/shareLink';

/** Issue #12: a long replay shows progress and can be cancelled; bad link commands are named, the rest kept. */
const scenario = readFileSync('examples/php-apache.yaml', 'utf8');

test.use({ viewport: { width: 1280, height: 720 } });

test('a link whose t= is six days away replays with progress and can be cancelled', async ({ page }) => {
  const sixDays = 6 * 24 * 3_600_000;
  const hash = encodeRunHash({ scenario, seed: 1, log: [], timeMs: sixDays });
  await page.goto(`/${hash}`);
  const cancel = page.getByTestId('seek-cancel');
  await expect(cancel).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('seek-percent')).toContainText('%');
  // The "at" time is the replay's, and moves with its percentage (it read "at 0:00" throughout).
  await expect(page.getByTestId('seek-percent')).toHaveText(/% · at [1-9]\d*:\d\d:\d\d$/, { timeout: 30_000 });
  // The big clock runs with the replay (it showed the page's old 0:00), against the link's end time.
  const readings = () =>
    page.evaluate(() => ({
      clock: document.querySelector('[data-testid="clock"]')?.textContent ?? '',
      label: document.querySelector('[data-testid="seek-percent"]')?.textContent ?? '',
      end: document.querySelector('.scrubber-label + .muted')?.textContent ?? '',
    }));
  const first = await readings();
  expect(first.label.endsWith(` at ${first.clock}`)).toBe(true);
  expect(first.clock).toMatch(/^[1-9]\d*:\d\d:\d\d$/);
  expect(first.end).toBe('/ 144:00:00');
  await expect(page.getByTestId('clock')).toHaveAttribute('data-replaying', 'true');
  await expect(page.getByTestId('clock')).not.toHaveText(first.clock, { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/hardening-replay-cancel.png' });
  await cancel.click();
  await expect(page.getByTestId('seek-progress')).toHaveCount(0);
  const at = await page.evaluate(() => window.__playground!.getState().session!.world.timeMs);
  expect(at).toBeGreaterThan(0);
  expect(at).toBeLessThan(sixDays);
  // Cancelled: the clock is the page's again, where the replay stopped.
  await expect(page.getByTestId('clock')).not.toHaveAttribute('data-replaying', 'true');
  expect(await page.getByTestId('clock').textContent()).toBe(`${Math.floor(at / 3_600_000)}:${String(Math.floor(at / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(at / 1000) % 60).padStart(2, '0')}`);
  // Not stuck: the run plays on from where the replay stopped.
  await page.getByTestId('play').click();
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().session!.world.timeMs)).toBeGreaterThan(at);
});

test('a link with a damaged command opens, names the command and field, and keeps the rest', async ({ page }) => {
  const good = { atMs: 30_001, input: 'playground load php-apache --clients=3', command: { type: 'setLoad' as const, target: 'php-apache', clients: 3 } };
  const hash = encodeRunHash({ scenario, seed: 1, log: [good], timeMs: 60_000 });
  const x = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, c: [good, { ...good, atMs: 40_000, command: { ...good.command, type: 'semsLoad' } }] }));
  await page.goto(`/${hash.replace(/&x=.*$/, '')}&x=${x}`);
  const banner = page.getByTestId('link-error');
  await expect(banner).toContainText('command "semsLoad": type: unknown command type', { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().session?.world.timeMs ?? 0), { timeout: 30_000 }).toBe(60_000);
  const log = await page.evaluate(() => window.__playground!.getState().session!.log.map((c) => c.command.type));
  expect(log).toEqual(['setLoad']);
  await page.screenshot({ path: 'test-results/hardening-link-rejected.png' });
});

test('a link whose x= or cmp= lz-string cannot decompress says where, on load and pasted into the open page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const hash = encodeRunHash({ scenario, seed: 1, log: [], timeMs: 30_000 });
  // "zzzzzzzz" is in lz-string's alphabet, and lz-string throws on it rather than returning null.
  await page.goto(`/${hash}&x=zzzzzzzz`);
  const banner = page.getByTestId('link-error');
  await expect(banner).toContainText('x=: the share link is damaged: its slider commands are not readable', { timeout: 30_000 });
  await expect(page.getByTestId('status')).toHaveAttribute('data-scenario', 'php-apache');
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().session?.world.timeMs ?? 0), { timeout: 30_000 }).toBe(30_000);
  await page.screenshot({ path: 'test-results/hardening-link-x-damaged.png' });
  // The same address pasted into the open page: a new hash (another t=), the same notice, no throw.
  await page.getByTestId('link-error').getByRole('button').first().click();
  await page.evaluate((h) => { window.location.hash = h; }, `${hash.replace('&t=30000', '&t=20000')}&x=zzzzzzzz`);
  await expect(banner).toContainText('x=: the share link is damaged', { timeout: 30_000 });
  // A run B that does not decompress: named in the Compare tab, run A left as it is.
  await page.evaluate((h) => { window.location.hash = h; }, `${hash.replace('&t=30000', '&t=20000')}&x=zzzzzzzz&cmp=yaml:zzzzzzzz`);
  await expect(page.getByTestId('compare-link-errors')).toContainText('cmp: the compressed scenario does not decompress', { timeout: 30_000 });
  await expect(page.getByTestId('status')).toHaveAttribute('data-scenario', 'php-apache');
  await page.screenshot({ path: 'test-results/hardening-link-cmp-damaged.png' });
  expect(errors).toEqual([]);
});

test('a slider change the cluster refused stays in the link, marked: Copy link says so, and the opened link prints the refusal again', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const hpaScenario = readFileSync('examples/hpa-php-apache.yaml', 'utf8');
  await page.goto(`/${encodeRunHash({ scenario: hpaScenario, seed: 1, log: [], timeMs: 30_000 })}`);
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().session?.world.timeMs ?? 0), { timeout: 30_000 }).toBe(30_000);
  // What the HPA sliders issue: a merge patch; minReplicas above maxReplicas is refused by the API.
  const input = `kubectl patch hpa php-apache --type=merge -p '{"spec":{"minReplicas":8,"maxReplicas":3}}'`;
  await page.evaluate((line) => window.__playground!.getState().issue(line, { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', min: 8, max: 3 }), input);
  await page.getByTestId('step').click();
  const refusal = 'spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`';
  await expect(page.getByTestId('terminal-output')).toContainText(refusal);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toContainText('It also holds 1 change the cluster refused (kubectl patch hpa php-apache');
  await page.screenshot({ path: 'test-results/hardening-copy-link-refused.png' });
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const log = await page.evaluate(() => window.__playground!.getState().session!.log.map((c) => c.input));
  expect(log).toEqual([input]);

  const other = await context.newPage();
  await other.goto(url);
  await expect.poll(() => other.evaluate(() => window.__playground!.getState().session?.world.timeMs ?? 0), { timeout: 30_000 }).toBe(31_000);
  await expect(other.getByTestId('terminal-output')).toContainText(input);
  await expect(other.getByTestId('terminal-output')).toContainText(refusal);
  // The same world as the live run: the refused command is recorded there too.
  const records = (p: typeof page) => p.evaluate(() => window.__playground!.getState().session!.world.commands.map((c) => `${c.t} ${c.ok} ${c.input}`));
  expect(await records(other)).toEqual(await records(page));
});
