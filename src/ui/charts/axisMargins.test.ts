import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleLinear } from 'd3';
import { axisMargins, labelWidth, MIN_MARGIN, TICK_FONT_PX, Y_LABEL_GAP } from './axisMargins';
import { formatSeconds, plotScales, timeTicks, yTickLabel, type PlotView } from './geometry';
import type { PanelModel } from './series';

/**
 * Widths (px) of tick labels at 10 px as Chromium lays them out in the app's `.overlay .tick`
 * (getComputedTextLength): English pages resolve system-ui to DejaVu Sans here, Korean pages use
 * Noto Sans KR. Measured on the running app, 2026-12-03.
 */
const MEASURED: Record<string, { en: number; ko: number }> = {
  '0:00': { en: 22.47, ko: 19.45 },
  '1:00': { en: 22.47, ko: 19.45 },
  '10:00': { en: 28.83, ko: 25 },
  '1:05:10': { en: 38.56, ko: 33.34 },
  '10:00:00': { en: 44.92, ko: 38.89 },
  '120': { en: 19.09, ko: 16.66 },
  '0.05': { en: 22.27, ko: 19.45 },
  '100000': { en: 38.19, ko: 33.31 },
};
/** Their boxes' top above the baseline (getBBox().y), px: Noto Sans KR's is the taller. */
const ASCENT_PX = { en: 9, ko: 12 };

function panel(max: number, yMin = 0): PanelModel {
  return {
    id: 'replicas',
    titleKey: 'charts.replicas',
    unit: '',
    yMin,
    yMaxAtLeast: max,
    decimals: 0,
    series: [{ key: 'a', label: 'a', color: '#fff', dash: [], step: true, values: [yMin, max] }],
  };
}

/** Every tick label's box in the panel's SVG coordinates, laid out as ChartPanel draws them. */
function labelBoxes(p: PanelModel, times: number[], view: PlotView, font: 'en' | 'ko') {
  const s = plotScales(p, times, view);
  const width = (text: string) => MEASURED[text]?.[font] ?? labelWidth(text, TICK_FONT_PX);
  const ascent = ASCENT_PX[font];
  const dy = 0.32 * TICK_FONT_PX;
  const y = s.yTicks.map((v) => {
    const text = yTickLabel(v);
    const right = s.margin.left - Y_LABEL_GAP;
    return { text, left: right - width(text), right, top: s.y(v) + dy - ascent };
  });
  const x = s.xTicks.map((t) => {
    const text = formatSeconds(t);
    return { text, left: s.x(t) - width(text) / 2, right: s.x(t) + width(text) / 2, top: view.height - 4 - ascent };
  });
  return { y, x, scales: s };
}

describe('tick label widths', () => {
  it('are never underestimated for the fonts the page uses', () => {
    for (const [text, px] of Object.entries(MEASURED)) {
      expect(labelWidth(text, 10)).toBeGreaterThanOrEqual(px.en);
      expect(labelWidth(text, 10)).toBeGreaterThanOrEqual(px.ko);
    }
  });
});

describe('axisMargins', () => {
  it('keeps the old margins when the labels fit in them', () => {
    expect(axisMargins(['0', '5', '10'], ['0:00'])).toEqual({ ...MIN_MARGIN, right: 14, top: 9 });
  });
  it('grows the left margin for a wide y label and the right one for a wide time label', () => {
    const m = axisMargins(['0', '5000000'], ['1:00:00', '1:00:10']);
    expect(m.left - Y_LABEL_GAP - labelWidth('5000000', 10)).toBeGreaterThanOrEqual(0);
    expect(m.left).toBeGreaterThan(MIN_MARGIN.left);
    expect(m.right).toBeGreaterThanOrEqual(labelWidth('1:00:10', 10) / 2);
  });
});

describe('tick labels stay inside the panel', () => {
  it('shows all of "1:00" at the right edge in the first minute (it was cut to "1:0")', () => {
    // The first minute of a run: the window is 0..60 s and its last tick is at its right edge.
    const view = { t0: 0, t1: 60, width: 300, height: 96 };
    for (const font of ['en', 'ko'] as const) {
      const { x } = labelBoxes(panel(4), [0, 30], view, font);
      const last = x[x.length - 1];
      expect(last.text).toBe('1:00');
      expect(last.right).toBeLessThanOrEqual(view.width);
      expect(x[0].left).toBeGreaterThanOrEqual(0);
    }
  });

  it('holds for any window, panel width and value range, in both fonts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 3600 }),
        fc.constantFrom(60, 300, 900, 3600, 4 * 3600, 17, 3601, 86_400),
        fc.integer({ min: 100, max: 1400 }),
        fc.constantFrom(0.1, 1, 4, 15, 100, 120, 999, 1234.5, 20_000, 3_000_000),
        fc.constantFrom('en' as const, 'ko' as const),
        (t0, span, width, max, font) => {
          const view = { t0, t1: t0 + span, width, height: 96 };
          const { x, y, scales } = labelBoxes(panel(max), [t0, t0 + span], view, font);
          for (const b of [...x, ...y]) {
            expect(b.left, b.text).toBeGreaterThanOrEqual(0);
            expect(b.right, b.text).toBeLessThanOrEqual(width);
            expect(b.top, b.text).toBeGreaterThanOrEqual(0);
          }
          // The plot is still where the labels say: the top y tick on its top edge, a tick per label.
          expect(scales.y(scales.yTicks[scales.yTicks.length - 1])).toBeCloseTo(scales.margin.top, 6);
        },
      ),
      { seed: 20261203, numRuns: 400 },
    );
  });

  it('leaves the ticks themselves as they were: same times, same y values', () => {
    const view = { t0: 0, t1: 3725, width: 480, height: 96 };
    const p = panel(17);
    const s = plotScales(p, [0, 3725], view);
    expect(s.xTicks).toEqual(timeTicks(view));
    expect(s.yTicks).toEqual(scaleLinear().domain([0, 17 * 1.08]).nice(4).ticks(4));
    expect(s.x.domain()).toEqual([0, 3725]);
  });
});
