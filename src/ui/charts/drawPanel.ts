import { plotScales, seriesPolylines, type PlotView } from './geometry';
import type { PanelModel, Series } from './series';

/**
 * Where two lines coincide (one pool of on-demand nodes: the pool's line and the on-demand line
 * are the same numbers) the later one would hide the earlier. Solid lines go first and wider, the
 * dashed and dotted ones narrower on top: both stay visible.
 */
export function drawOrder(series: readonly Series[]): { series: Series; width: number }[] {
  const solid = series.filter((s) => s.dash.length === 0).map((s) => ({ series: s, width: 3 }));
  const patterned = series.filter((s) => s.dash.length > 0).map((s) => ({ series: s, width: 1.6 }));
  return [...solid, ...patterned];
}

export interface ChartTheme {
  grid: string;
  now: string;
}

/** The dense part of a panel (grid and lines) on canvas; axes and labels are SVG above it. */
export function drawPanel(
  ctx: CanvasRenderingContext2D,
  panel: PanelModel,
  times: readonly number[],
  view: PlotView,
  theme: ChartTheme,
  hidden: ReadonlySet<string>,
): void {
  ctx.clearRect(0, 0, view.width, view.height);
  const scales = plotScales(panel, times, view);
  const m = scales.margin;
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const v of scales.yTicks) {
    const y = Math.round(scales.y(v)) + 0.5;
    ctx.moveTo(m.left, y);
    ctx.lineTo(view.width - m.right, y);
  }
  for (const t of scales.xTicks) {
    const x = Math.round(scales.x(t)) + 0.5;
    ctx.moveTo(x, m.top);
    ctx.lineTo(x, view.height - m.bottom);
  }
  ctx.stroke();

  ctx.save();
  ctx.beginPath();
  ctx.rect(m.left, 0, view.width - m.left - m.right, view.height - m.bottom + 1);
  ctx.clip();
  ctx.lineJoin = 'round';
  for (const { series: s, width } of drawOrder(panel.series)) {
    if (hidden.has(s.key)) continue;
    ctx.lineWidth = width;
    ctx.strokeStyle = s.color;
    ctx.setLineDash(s.dash);
    ctx.beginPath();
    for (const line of seriesPolylines(s, times, scales, view)) {
      line.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    }
    ctx.stroke();
  }
  ctx.restore();
  ctx.setLineDash([]);
}
