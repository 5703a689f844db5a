import type { TraceSample } from '../../sim/trace/trace';
import { buildPanels, type Label } from './series';
import { panelToSvg } from './svgExport';

/** Every panel stacked into one SVG document, for "export charts". */
export function allChartsSvg(history: TraceSample[], label: Label, width = 720, plotHeight = 140): { svg: string; width: number; height: number } {
  const times = history.map((s) => s.t);
  const t1 = Math.max(60, times[times.length - 1] ?? 0);
  const parts: string[] = [];
  let y = 0;
  for (const p of buildPanels(history, label)) {
    const svg = panelToSvg(p, label(p.titleKey), times, { t0: 0, t1, width, height: plotHeight });
    const h = Number(/height="(\d+)"/.exec(svg)?.[1] ?? plotHeight);
    parts.push(`<g transform="translate(0,${y})">${svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '')}</g>`);
    y += h;
  }
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="sans-serif" font-size="11">${parts.join('')}</svg>`,
    width,
    height: y,
  };
}
