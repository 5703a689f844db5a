import { expect, test, type Page } from '@playwright/test';

/**
 * Hangul in monospace text on a machine with no Korean system font (this CI image has none): the
 * cost header's "시간당 $0.156", the console's own errors. The mono stack in Korean starts with a
 * Hangul-only copy of the self-hosted Noto Sans KR faces (src/app/koreanFont.ts, app.css --mono).
 * With Noto Sans KR only as a fallback after the mono face, Chrome kept boxes for text laid out while
 * its slice was loading, in about half of the switches to Korean: the switched page is compared with
 * a page that started in Korean, pixel for pixel, several times.
 */
test.use({ viewport: { width: 1280, height: 720 } });

async function settle(page: Page) {
  await expect(page.getByTestId('status')).toHaveAttribute('data-scenario', /./, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
}

test('monospace Korean renders with the Korean web font, also right after switching language', async ({ browser }) => {
  test.setTimeout(180_000);
  const started = await browser.newPage();
  await started.addInitScript(() => localStorage.setItem('playground.lang', 'ko'));
  await started.goto('/');
  await settle(started);
  const price = started.locator('.cost-price').first();
  await expect(price).toContainText('시간당');
  await started.waitForTimeout(1000);
  const reference = await price.screenshot({ path: 'test-results/korean-font/cost-price-started.png' });
  // The Hangul face is first in the stack, from the same files, and holds the glyphs used here.
  expect(await price.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/^"Noto Sans KR Hangul", ui-monospace, monospace, "Noto Sans KR"/);
  expect(await started.evaluate(() => document.fonts.check('12px "Noto Sans KR Hangul"', '시간당'))).toBe(true);
  await started.close();

  for (let i = 0; i < 4; i++) {
    const page = await browser.newPage();
    await page.addInitScript(() => localStorage.setItem('playground.lang', 'en'));
    await page.goto('/');
    await settle(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    const switched = page.locator('.cost-price').first();
    await expect(switched).toContainText('시간당');
    await page.waitForTimeout(2500);
    await page.evaluate(() => document.fonts.ready);
    const shot = await switched.screenshot({ path: `test-results/korean-font/cost-price-switched-${i}.png` });
    expect(shot.equals(reference), `switch ${i}: the cost header differs from the page that started in Korean (boxes?)`).toBe(true);
    if (i === 0) {
      await page.getByRole('tab', { name: '콘솔' }).click();
      const input = page.getByTestId('kubectl-input');
      await input.fill('playground load 3');
      await input.press('Enter');
      await expect(page.getByTestId('terminal-output')).toContainText('부하 슬라이더가 기록하는 명령입니다');
      await page.screenshot({ path: 'test-results/korean-font/console-switched.png' });
    }
    await page.close();
  }
});

test('Hangul typed in the English console draws with the Korean web font, and English text fetches none of it', async ({ page }) => {
  await page.addInitScript(() => {
    if (location.protocol !== 'about:') localStorage.setItem('playground.lang', 'en');
  });
  await page.goto('/');
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const input = page.getByTestId('kubectl-input');
  // `kubectl get pods` with the 한/영 key still on 한.
  await input.fill('ㅏㅕㅠㄷㅊ시 ㅎㄷㅅ ㅔㅐㅇㄴ');
  await input.press('Enter');
  const output = page.getByTestId('terminal-output');
  await expect(output).toContainText('ㅏㅕㅠㄷㅊ시: command not found');
  expect(await output.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/^"Noto Sans KR Hangul", ui-monospace, monospace$/);
  await page.evaluate(() => document.fonts.ready);
  // Without a face for them (this image has no Korean system font) these glyphs are boxes.
  const used = await page.evaluate(() => {
    const covers = (f: FontFace, cp: number) =>
      f.unicodeRange.split(',').some((r) => {
        const [a, b] = r.trim().slice(2).split('-').map((h) => parseInt(h, 16));
        return cp >= a && cp <= (b ?? a);
      });
    const faces = [...document.fonts];
    return {
      hangul: [...'ㅏㅕㅠㄷㅊ시ㅎㅅㅔㅐㅇㄴ'].filter((ch) => !faces.some((f) => f.family.replace(/"/g, '') === 'Noto Sans KR Hangul' && f.status === 'loaded' && covers(f, ch.codePointAt(0) ?? 0))),
      // The whole font's slices hold Latin letters too: an English page never fetches them.
      whole: faces.filter((f) => f.family.replace(/"/g, '') === 'Noto Sans KR' && f.status !== 'unloaded').length,
    };
  });
  expect(used).toEqual({ hangul: [], whole: 0 });
  await output.screenshot({ path: 'test-results/korean-font/english-console-hangul.png' });
});
