import { expect, test, type Page } from '@playwright/test';

/**
 * The time/status row under the top bar keeps one line at 1280×720. It used to wrap when a run
 * launched nodes ("Nodes 3 (3 ready) + 2 launching", two-digit pod counts, a second workload): the
 * row grew by a line and the grid, the charts and the lesson panel jumped down under the pointer.
 */
test.use({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });

/** Lesson 5 (CPA), step 2: "Show me" grows the node group from 3 to 5, and two nodes launch. */
const LINK = '/#lesson=cpa&step=2';

interface RowLayout {
  /** The row's height, and its height without the status line: equal when the line takes one row. */
  row: number;
  rowWithoutStatus: number;
  /** The distinct tops of the line's facts: one when they share a row. */
  tops: number[];
  mainTop: number;
  lessonTop: number | null;
  /** Facts cut short by an ellipsis, and whether each keeps its whole text in its tooltip. */
  cut: { id: string; titled: boolean }[];
}

function rowLayout(page: Page): Promise<RowLayout> {
  return page.evaluate(() => {
    const row = document.querySelector<HTMLElement>('.subbar')!;
    const status = row.querySelector<HTMLElement>('[data-testid="status"]')!;
    const facts = Array.from(status.children) as HTMLElement[];
    const height = row.getBoundingClientRect().height;
    status.style.display = 'none';
    const rowWithoutStatus = row.getBoundingClientRect().height;
    status.style.display = '';
    const lesson = document.querySelector('aside.lesson-panel');
    return {
      row: height,
      rowWithoutStatus,
      tops: [
        ...new Set(
          facts
            .filter((f) => f.getClientRects().length > 0)
            .map((f) => Math.round(f.getBoundingClientRect().top)),
        ),
      ],
      mainTop: document.querySelector('.main')!.getBoundingClientRect().top,
      lessonTop: lesson ? lesson.getBoundingClientRect().top : null,
      cut: facts
        .filter((f) => f.getClientRects().length > 0 && f.scrollWidth > f.clientWidth)
        .map((f) => ({
          id: f.dataset.testid ?? '',
          titled: f.title === f.textContent || f.dataset.testid === 'workloads-more',
        })),
    };
  });
}

function expectOneLine(l: RowLayout, what: string) {
  expect(l.tops, `${what}: the status line's facts share one row`).toHaveLength(1);
  expect(l.row, `${what}: the status line adds no row to the time/status row`).toBe(l.rowWithoutStatus);
  // Nothing a student reads there is lost: the node and pod counts stay whole, anything cut keeps its tooltip.
  expect(
    l.cut.map((c) => c.id),
    `${what}: node and pod counts whole`,
  ).not.toContain('nodes');
  expect(
    l.cut.map((c) => c.id),
    `${what}: node and pod counts whole`,
  ).not.toContain('pods');
  expect(
    l.cut.filter((c) => !c.titled),
    `${what}: a fact cut short has its whole text in its tooltip`,
  ).toEqual([]);
}

for (const lang of ['en', 'ko'] as const) {
  for (const projector of [false, true]) {
    test(`the time/status row keeps one line while nodes launch (${lang}${projector ? ', projector' : ''}), lesson panel open or closed`, async ({
      page,
    }) => {
      await page.addInitScript(
        ([l, p]) => {
          if (location.protocol === 'about:') return;
          localStorage.setItem('playground.lang', l);
          if (p) localStorage.setItem('playground.projector', '1');
          else localStorage.removeItem('playground.projector');
        },
        [lang, projector] as const,
      );
      await page.goto(LINK);
      await expect(page.getByTestId('lesson-step')).toContainText(
        lang === 'en' ? 'Step 2 of' : '단계 중 2단계',
        { timeout: 60_000 },
      );
      await expect(page.getByTestId('lesson-show-me')).toBeEnabled();
      const before = await rowLayout(page);
      expectOneLine(before, 'before');

      await page.getByTestId('lesson-show-me').click();
      const nodes = page.getByTestId('nodes');
      await expect(nodes).toContainText(lang === 'en' ? '2 launching' : '시작 중 2', { timeout: 30_000 });
      // Hold the run here, nodes launching, pods pending.
      if (await page.evaluate(() => window.__playground!.getState().playing))
        await page.getByTestId('play').click();
      await expect(nodes).toContainText(lang === 'en' ? '2 launching' : '시작 중 2');
      const launching = await rowLayout(page);
      expectOneLine(launching, 'nodes launching, lesson panel open');
      expect(launching.mainTop, 'the grid and charts do not move').toBe(before.mainTop);
      expect(launching.lessonTop, 'the lesson panel does not move').toBe(before.lessonTop);

      // With the lesson panel closed the row spans the same width: still one line, nothing moves.
      await page.getByRole('button', { name: lang === 'en' ? 'Close the lesson' : '실습 닫기' }).click();
      await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
      await expect(nodes).toContainText(lang === 'en' ? '2 launching' : '시작 중 2');
      const closed = await rowLayout(page);
      expectOneLine(closed, 'nodes launching, lesson panel closed');
      expect(closed.mainTop, 'the grid and charts do not move').toBe(before.mainTop);
    });
  }
}
