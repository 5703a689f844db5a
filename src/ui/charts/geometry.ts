import { scaleLinear, type ScaleLinear } from 'd3';
import { indexAtOrBefore, visibleMax, type PanelModel, type Series } from './series';
import { axisMargins, MIN_MARGIN, TICK_FONT_PX, type Margins } from './axisMargins';

export interface PlotView {
  /** Visible time range, sim seconds. */
  t0: number;
  t1: number;
  width: number;
  height: number;
}

export interface PlotScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** Where the plot sits inside the panel's width × height, room left for the tick labels. */
  margin: Margins;
  /** The y ticks (values) and time ticks (sim seconds) the axes label. */
  yTicks: number[];
  xTicks: number[];
}

/** A y tick's label, as the axis prints it. */
export const yTickLabel = (v: number): string => String(v);

/**
 * The panel's scales. The margins come from the labels the axes will print (see axisMargins), so
 * the plot leaves room for them; `fontPx` is the labels' size (the exported SVG's are larger).
 */
export function plotScales(panel: PanelModel, times: readonly number[], view: PlotView, fontPx = TICK_FONT_PX): PlotScales {
  const max = visibleMax(panel, times, view.t0, view.t1);
  // The y ticks depend on the domain only, so they are known before the range (and the margins).
  const y = scaleLinear()
    .domain([panel.yMin, max * 1.08])
    .nice(4);
  const yTicks = y.ticks(4);
  const xTicks = timeTicks(view);
  const margin = axisMargins(yTicks.map(yTickLabel), xTicks.map(formatSeconds), fontPx);
  y.range([Math.max(margin.top + 1, view.height - margin.bottom), margin.top]);
  const x = scaleLinear()
    .domain([view.t0, Math.max(view.t1, view.t0 + 1)])
    .range([margin.left, Math.max(margin.left + 1, view.width - margin.right)]);
  return { x, y, margin, yTicks, xTicks };
}

/** Pixel polylines of one series inside the view; a null value ends a polyline. */
export function seriesPolylines(series: Series, times: readonly number[], scales: PlotScales, view: PlotView): [number, number][][] {
  const lines: [number, number][][] = [];
  let current: [number, number][] = [];
  // Start one sample before the window so the line enters from the left edge.
  const from = Math.max(0, indexAtOrBefore(times, view.t0));
  for (let i = from; i < times.length; i++) {
    const v = series.values[i];
    if (v === null) {
      if (current.length > 0) lines.push(current);
      current = [];
      continue;
    }
    const px = scales.x(times[i]);
    const py = scales.y(v);
    if (series.step && current.length > 0) current.push([px, current[current.length - 1][1]]);
    current.push([px, py]);
    if (times[i] > view.t1) break;
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function polylinePath(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round1(x)},${round1(y)}`).join('');
}

export function formatSeconds(s: number): string {
  const total = Math.round(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}${sec ? `:${String(sec).padStart(2, '0')}` : ''}`;
  return `${m}:${String(sec).padStart(2, '0')}`;
}

export function formatValue(v: number | null, decimals: number, unit: string): string {
  if (v === null) return '–';
  const text = Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(decimals);
  return unit ? `${text} ${unit}` : text;
}

/** Time ticks on round minute steps, about one per 90 px. */
export function timeTicks(view: PlotView): number[] {
  const span = Math.max(1, view.t1 - view.t0);
  // How many fit is judged on the narrowest left margin: the ticks must not depend on the margins
  // (which are computed from the ticks' labels).
  const wanted = Math.max(2, Math.floor((view.width - MIN_MARGIN.left) / 90));
  const steps = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400];
  const stepS = steps.find((s) => span / s <= wanted) ?? 14400;
  const out: number[] = [];
  for (let t = Math.ceil(view.t0 / stepS) * stepS; t <= view.t1; t += stepS) out.push(t);
  return out;
}
