import { formatSeconds, plotScales, polylinePath, seriesPolylines, yTickLabel, type PlotView } from './geometry';
import { Y_LABEL_GAP } from './axisMargins';
import type { PanelModel } from './series';
import { drawOrder } from './drawPanel';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A self-contained SVG of one panel (title, axes, legend, lines): what "export SVG" saves, and
 * the source of the PNG export. Deterministic for a given model and view.
 */
export function panelToSvg(panel: PanelModel, title: string, times: readonly number[], view: PlotView, colors = { fg: '#222', grid: '#ddd', bg: '#fff' }): string {
  const legendH = 16 * Math.ceil(panel.series.length / 3);
  const top = 22;
  const height = top + view.height + legendH + 6;
  // The document's font is 11 px: its margins are worked out for that size.
  const s = plotScales(panel, times, view, 11);
  const m = s.margin;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${view.width}" height="${height}" viewBox="0 0 ${view.width} ${height}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="100%" height="100%" fill="${colors.bg}"/>`);
  parts.push(`<text x="${m.left}" y="15" font-size="13" font-weight="bold" fill="${colors.fg}">${esc(title)}${panel.unit ? ` (${esc(panel.unit)})` : ''}</text>`);
  parts.push(`<g transform="translate(0,${top})">`);
  for (const v of s.yTicks) {
    const y = s.y(v).toFixed(1);
    parts.push(`<line x1="${m.left}" x2="${view.width - m.right}" y1="${y}" y2="${y}" stroke="${colors.grid}"/>`);
    parts.push(`<text x="${m.left - Y_LABEL_GAP}" y="${y}" dy="0.32em" text-anchor="end" fill="${colors.fg}">${esc(yTickLabel(v))}</text>`);
  }
  for (const t of s.xTicks) {
    const x = s.x(t).toFixed(1);
    parts.push(`<text x="${x}" y="${view.height - 4}" text-anchor="middle" fill="${colors.fg}">${formatSeconds(t)}</text>`);
  }
  for (const { series: ser, width } of drawOrder(panel.series)) {
    const d = seriesPolylines(ser, times, s, view).map(polylinePath).join('');
    if (!d) continue;
    const dash = ser.dash.length > 0 ? ` stroke-dasharray="${ser.dash.join(' ')}"` : '';
    parts.push(`<path d="${d}" fill="none" stroke="${ser.color}" stroke-width="${width}"${dash}/>`);
  }
  panel.series.forEach((ser, i) => {
    const x = m.left + (i % 3) * Math.floor((view.width - m.left) / 3);
    const y = view.height + 12 + Math.floor(i / 3) * 16;
    parts.push(`<line x1="${x}" x2="${x + 16}" y1="${y - 4}" y2="${y - 4}" stroke="${ser.color}" stroke-width="2"${ser.dash.length ? ` stroke-dasharray="${ser.dash.join(' ')}"` : ''}/>`);
    parts.push(`<text x="${x + 20}" y="${y}" fill="${colors.fg}">${esc(ser.label)}</text>`);
  });
  parts.push('</g></svg>');
  return parts.join('');
}
