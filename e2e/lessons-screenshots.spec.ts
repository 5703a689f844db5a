import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectOnScreen } from './onScreen';
import { parse } from 'yaml';

/**
 * One step of every shipped lesson at 1280×720, in English and in Korean (with real Korean glyphs:
 * the page loads its own Korean font). Written to test-results/lessons/; `npm run screenshots`
 * (UPDATE_SCREENSHOTS=1) copies them to docs/lessons/ for the README.
 */
const lessons = readdirSync('lessons')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, doc: parse(readFileSync(`lessons/${f}`, 'utf8')) as { id: string; steps: unknown[] } }));

// The page, not the one-off "ready to work offline" news a first visit shows for 6 s.
test.use({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });

for (const { doc } of lessons) {
  for (const lang of ['en', 'ko'] as const) {
    test(`lesson ${doc.id} in ${lang} at 1280×720`, async ({ page }) => {
      test.setTimeout(150_000);
      await page.addInitScript((l) => localStorage.setItem('playground.lang', l), lang);
      // A step in the middle of the lesson, with the state the steps before it prepare.
      const step = Math.max(2, Math.ceil(doc.steps.length / 2));
      await page.goto(`/#lesson=${doc.id}&step=${step}`);
      const check = page.getByTestId('lesson-check');
      await expect(check).toBeVisible({ timeout: 90_000 });
      const showMe = page.getByTestId('lesson-show-me');
      if (await showMe.isVisible()) await showMe.click();
      await page.getByRole('button', { name: /Pause|일시정지/ }).click({ timeout: 1000 }).catch(() => undefined);
      if ((await check.getAttribute('data-held')) !== 'true') await page.getByTestId('lesson-run-until').click();
      await expect(check).toHaveAttribute('data-held', 'true', { timeout: 90_000 });
      // The step's check and buttons are on screen without scrolling the page.
      for (const id of ['lesson-check', 'lesson-back', 'lesson-next']) await expectOnScreen(page.getByTestId(id));
      // Let the Korean font's slices and the canvases settle.
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(800);
      mkdirSync('test-results/lessons', { recursive: true });
      const out = `test-results/lessons/${doc.id}-${lang}.png`;
      await page.screenshot({ path: out });
      // Tests never touch tracked files: only the explicit refresh does.
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        mkdirSync('docs/lessons', { recursive: true });
        copyFileSync(out, `docs/lessons/${doc.id}-${lang}.png`);
      }
    });
  }
}
