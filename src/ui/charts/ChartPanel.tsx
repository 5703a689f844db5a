import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVar } from '../../app/theme';
import { drawPanel } from './drawPanel';
import { formatSeconds, formatValue, plotScales, yTickLabel, type PlotView } from './geometry';
import { labelWidth, TICK_FONT_PX, Y_LABEL_GAP } from './axisMargins';
import { indexAtOrBefore, type PanelModel } from './series';
import type { Annotation } from './annotations';
import { useChartView } from './chartView';
import { panelToSvg } from './svgExport';
import { saveSvg, saveSvgAsPng, svgSize } from './exportPanel';

interface Props {
  panel: PanelModel;
  times: readonly number[];
  t0: number;
  t1: number;
  nowS: number;
  width: number;
  height: number;
  annotations: Annotation[];
  theme: string;
}

/** One Grafana-like panel: canvas lines under an SVG overlay of axes, annotations and crosshair. */
export const ChartPanel = memo(function ChartPanel({ panel, times, t0, t1, nowS, width, height, annotations, theme }: Props) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const hoverT = useChartView((s) => s.hoverT);
  const hidden = useChartView((s) => s.hidden);
  const view: PlotView = useMemo(() => ({ t0, t1, width, height }), [t0, t1, width, height]);
  const scales = useMemo(() => plotScales(panel, times, view), [panel, times, view]);
  const title = t(panel.titleKey);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawPanel(ctx, panel, times, view, { grid: cssVar('--grid', '#2a3038'), now: cssVar('--accent', '#58a6ff') }, hidden);
  }, [panel, times, view, width, height, hidden, theme]);

  const hoverIndex = hoverT === null ? times.length - 1 : indexAtOrBefore(times, hoverT);
  const setHover = useChartView.getState().setHover;
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = (e.clientX - rect.left) / ((e.currentTarget as Element as HTMLElement).currentCSSZoom || 1);
    if (x < scales.margin.left) return setHover(null);
    setHover(Math.min(nowS, Math.max(0, scales.x.invert(x))));
  };
  const exportAs = (kind: 'png' | 'svg') => {
    const svg = panelToSvg(panel, title, times, view);
    const name = `${panel.id}-chart.${kind}`;
    if (kind === 'svg') saveSvg(svg, name);
    else {
      const size = svgSize(svg);
      saveSvgAsPng(svg, size.width, size.height, name);
    }
  };
  const m = scales.margin;
  const plotBottom = height - m.bottom;
  const hoverText = hoverT === null ? '' : formatSeconds(hoverT);
  const cursorX = hoverT === null ? null : scales.x(hoverT);
  const nowX = scales.x(nowS);

  return (
    <figure className="chart" data-testid={`chart-${panel.id}`} aria-label={title}>
      <figcaption className="chart-head">
        <span className="chart-title">
          {title}
          {panel.unit && <span className="muted"> ({panel.unit})</span>}
        </span>
        <span className="chart-tools">
          <button type="button" className="tiny" onClick={() => exportAs('png')} aria-label={`${title} PNG`}>
            PNG
          </button>
          <button type="button" className="tiny" onClick={() => exportAs('svg')} aria-label={`${title} SVG`}>
            SVG
          </button>
        </span>
      </figcaption>
      <ul className="legend">
        {panel.series.map((s) => (
          <li key={s.key} className={hidden.has(s.key) ? 'off' : ''}>
            <button type="button" onClick={() => useChartView.getState().toggleSeries(s.key)} aria-pressed={!hidden.has(s.key)}>
              <svg width="16" height="8" aria-hidden="true">
                <line x1="0" x2="16" y1="4" y2="4" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash.join(' ')} />
              </svg>
              {s.label}{' '}
              <b>{formatValue(hoverIndex >= 0 ? s.values[hoverIndex] : null, panel.decimals, panel.unit === '%' ? '%' : '')}</b>
            </button>
          </li>
        ))}
        {panel.series.length === 0 && <li className="muted">{t(panel.emptyKey ?? 'charts.noData')}</li>}
      </ul>
      <div className="plot" style={{ height }}>
        <canvas ref={canvasRef} style={{ width, height }} />
        <svg
          className="overlay"
          width={width}
          height={height}
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
          onWheel={(e) => useChartView.getState().zoom(e.deltaY < 0 ? -1 : 1)}
        >
          {scales.yTicks.map((v) => (
            <text key={v} x={m.left - Y_LABEL_GAP} y={scales.y(v)} dy="0.32em" textAnchor="end" className="tick">
              {yTickLabel(v)}
            </text>
          ))}
          {scales.xTicks.map((s) => (
            <text key={s} x={scales.x(s)} y={height - 4} textAnchor="middle" className="tick">
              {formatSeconds(s)}
            </text>
          ))}
          {annotations.map((a) => (
            <g key={`${a.t}-${a.text.length}`} className={`annotation${a.warning ? ' warning' : ''}${a.fault ? ' fault' : ''}`} data-testid={a.fault ? 'fault-marker' : undefined}>
              <line x1={scales.x(a.t)} x2={scales.x(a.t)} y1={m.top} y2={plotBottom} />
              <path d={`M${scales.x(a.t) - 4},${plotBottom + 5}l4,-5l4,5z`}>
                <title>{`${formatSeconds(a.t)} ${a.text}`}</title>
              </path>
            </g>
          ))}
          {nowX >= m.left && nowX <= width - m.right && <line className="now" x1={nowX} x2={nowX} y1={m.top} y2={plotBottom} />}
          {cursorX !== null && (
            <g className="crosshair">
              <line x1={cursorX} x2={cursorX} y1={m.top} y2={plotBottom} />
              <text x={Math.min(cursorX + 4, width - 1 - labelWidth(hoverText, TICK_FONT_PX))} y={m.top + 10} className="tick">
                {hoverText}
              </text>
            </g>
          )}
        </svg>
      </div>
    </figure>
  );
});
