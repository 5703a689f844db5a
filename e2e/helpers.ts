import { expect, type Page } from '@playwright/test';

/** Page-object helpers: the app's controls by their accessible names. */
export function app(page: Page) {
  const status = page.getByTestId('status');
  return {
    status,
    clock: page.getByTestId('clock'),
    play: page.getByTestId('play'),
    async pickScenario(id: string) {
      await page.getByLabel('Scenario', { exact: true }).selectOption(id);
      // A run with commands of its own asks before it is discarded (src/ui/hardening/LostWork.tsx).
      const dialog = page.getByTestId('confirm-discard');
      await expect(page.locator(`[data-testid="status"][data-scenario="${id}"], [data-testid="confirm-discard"]`).first()).toBeVisible();
      if (await dialog.isVisible()) await page.getByTestId('confirm-discard-run').click();
      // Scenario parsing loads lazily: wait until the new run is the one on screen.
      await expect(status).toHaveAttribute('data-scenario', id);
      await expect(status).toContainText('Sim time 0:00');
    },
    async setSpeed(speed: number) {
      const speeds = [1, 2, 5, 10, 30, 60, 100, 300, 1000];
      await page.getByRole('slider', { name: 'Speed', exact: true }).fill(String(speeds.indexOf(speed)));
      await expect(page.getByTestId('speed-value')).toHaveText(`${speed}×`);
    },
    async playFor(ms: number) {
      await page.getByRole('button', { name: /Play/ }).click();
      await page.waitForTimeout(ms);
      await page.getByRole('button', { name: /Pause/ }).click();
    },
    async run(line: string) {
      await page.getByRole('tab', { name: 'Console' }).click();
      const input = page.getByTestId('kubectl-input');
      await input.fill(line);
      await input.press('Enter');
    },
    /** The sim time the status line shows, in seconds. */
    async simSeconds(): Promise<number> {
      const text = (await page.getByTestId('status-time').textContent()) ?? '';
      const m = /(\d+):(\d+)(?::(\d+))?/.exec(text);
      if (!m) return -1;
      return m[3] !== undefined ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : Number(m[1]) * 60 + Number(m[2]);
    },
    async workloadReplicas(name: string): Promise<{ replicas: number; desired: number }> {
      const text = (await page.getByTestId(`workload-${name}`).textContent()) ?? '';
      const m = /replicas (\d+), desired (\d+)/.exec(text);
      return { replicas: Number(m?.[1] ?? -1), desired: Number(m?.[2] ?? -1) };
    },
  };
}

export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
