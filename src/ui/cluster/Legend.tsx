import { useTranslation } from 'react-i18next';
import { DARK_CANVAS, POD_STATUS_COLORS, ROLE_COLORS, type CanvasTheme } from '../theme/palette';

import { NODE_OUTLINE_STYLE, TERMINATING_NODE_ALPHA } from './draw';
import { NODE_STATE_ORDER, POD_STATUS_ORDER, TILE_SHAPE, type NodeVisualState, type TileShape } from './podStatus';

/** Theme colours as CSS variables, so the legend follows the page theme like the canvas does. */
const CSS_THEME: CanvasTheme = {
  ...DARK_CANVAS,
  nodeFill: 'var(--panel, #1c232c)',
  muted: 'var(--muted, #8b949e)',
  border: 'var(--border, #3d4651)',
  barTrack: 'var(--border, #2a323c)',
  mark: 'var(--bg, #0f1419)',
  usedLine: 'var(--fg, #e6edf3)',
};

function TileSwatch({ shape, color, size = 12 }: { shape: TileShape; color: string; size?: number }) {
  const s = size;
  const cross = (stroke: string) => (
    <path d={`M${s * 0.2} ${s * 0.2}L${s * 0.8} ${s * 0.8}M${s * 0.8} ${s * 0.2}L${s * 0.2} ${s * 0.8}`} style={{ stroke, strokeWidth: 1.5 }} />
  );
  let body;
  switch (shape) {
    case 'solid':
      body = <rect width={s} height={s} style={{ fill: color }} />;
      break;
    case 'ring':
      body = <rect x={1.5} y={1.5} width={s - 3} height={s - 3} style={{ fill: 'none', stroke: color, strokeWidth: 3 }} />;
      break;
    case 'half':
      body = (
        <>
          <rect y={s / 2} width={s} height={s / 2} style={{ fill: color }} />
          <rect x={0.5} y={0.5} width={s - 1} height={s - 1} style={{ fill: 'none', stroke: color }} />
        </>
      );
      break;
    case 'outline':
      body = <rect x={0.75} y={0.75} width={s - 1.5} height={s - 1.5} style={{ fill: 'none', stroke: color, strokeWidth: 1.5 }} />;
      break;
    case 'faded':
      body = <rect x={0.5} y={0.5} width={s - 1} height={s - 1} style={{ fill: color, fillOpacity: 0.35, stroke: color }} />;
      break;
    case 'cross':
      body = (
        <>
          <rect width={s} height={s} style={{ fill: color }} />
          {cross(CSS_THEME.mark)}
        </>
      );
      break;
    case 'outlineCross':
      body = (
        <>
          <rect x={0.75} y={0.75} width={s - 1.5} height={s - 1.5} style={{ fill: 'none', stroke: color, strokeWidth: 1.5 }} />
          {cross(color)}
        </>
      );
      break;
    case 'dot':
      body = <rect x={s / 3} y={s / 3} width={s / 3} height={s / 3} style={{ fill: color }} />;
      break;
  }
  return (
    <svg className="cluster-legend-swatch" width={s} height={s} viewBox={`0 0 ${s} ${s}`} aria-hidden="true">
      {body}
    </svg>
  );
}

function NodeSwatch({ state }: { state: NodeVisualState }) {
  const o = NODE_OUTLINE_STYLE[state];
  const hatched = state === 'cordoned' || state === 'draining';
  const id = `cluster-hatch-${state}`;
  return (
    <svg
      className="cluster-legend-swatch"
      width={30}
      height={18}
      viewBox="0 0 30 18"
      aria-hidden="true"
      style={{ opacity: state === 'terminating' ? TERMINATING_NODE_ALPHA : 1 }}
    >
      {hatched && (
        <defs>
          <pattern id={id} width={7} height={7} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1={0} y1={0} x2={0} y2={7} style={{ stroke: DARK_CANVAS.hatch, strokeWidth: 4 }} />
          </pattern>
        </defs>
      )}
      <rect x={1} y={1} width={28} height={16} style={{ fill: CSS_THEME.nodeFill }} />
      {hatched && <rect x={1} y={1} width={28} height={16} style={{ fill: `url(#${id})` }} />}
      <rect
        x={1}
        y={1}
        width={28}
        height={16}
        style={{ fill: 'none', stroke: o.color(CSS_THEME), strokeWidth: o.width, strokeDasharray: o.dash.join(' ') || undefined }}
      />
    </svg>
  );
}

function BarSwatch({ requested, used }: { requested: string; used: string }) {
  return (
    <svg className="cluster-legend-swatch" width={60} height={8} viewBox="0 0 60 8" aria-hidden="true">
      <rect width={60} height={8} style={{ fill: CSS_THEME.barTrack }} />
      <rect width={36} height={8} style={{ fill: requested }} />
      <rect y={2.4} width={48} height={3.2} style={{ fill: used }} />
    </svg>
  );
}

/** Explains every colour, shape and bar of the node grid (kube-ops-view never had one). */
export function Legend() {
  const { t } = useTranslation();
  return (
    <section className="cluster-legend" aria-label={t('cluster.legend.title')}>
      <h3>{t('cluster.legend.podsTitle')}</h3>
      <ul>
        {POD_STATUS_ORDER.map((s) => (
          <li key={s}>
            <TileSwatch shape={TILE_SHAPE[s]} color={POD_STATUS_COLORS[s]} />
            <span>
              <span className="cluster-legend-label">{t(`cluster.podStatus.${s}`)}</span>{' '}
              <span className="cluster-legend-note">{t(`cluster.legend.pod.${s}`)}</span>
            </span>
          </li>
        ))}
        <li>
          <TileSwatch shape="solid" color={POD_STATUS_COLORS.ready} size={7} />
          <span>
            <span className="cluster-legend-label">{t('cluster.legend.daemonSet')}</span>{' '}
            <span className="cluster-legend-note">{t('cluster.legend.daemonSetNote')}</span>
          </span>
        </li>
      </ul>
      <p className="cluster-legend-note">{t('cluster.legend.workloadNote')}</p>
      <h3>{t('cluster.legend.nodesTitle')}</h3>
      <ul>
        {NODE_STATE_ORDER.map((s) => (
          <li key={s}>
            <NodeSwatch state={s} />
            <span>
              <span className="cluster-legend-label">{t(`cluster.node.stateName.${s}`)}</span>{' '}
              <span className="cluster-legend-note">{t(`cluster.legend.node.${s}`)}</span>
            </span>
          </li>
        ))}
      </ul>
      <h3>{t('cluster.legend.barsTitle')}</h3>
      <ul>
        <li>
          <BarSwatch requested={ROLE_COLORS.cpuRequested} used={CSS_THEME.usedLine} />
          <span className="cluster-legend-label">{t('cluster.legend.cpuBar')}</span>
        </li>
        <li>
          <BarSwatch requested={ROLE_COLORS.memRequested} used={CSS_THEME.usedLine} />
          <span className="cluster-legend-label">{t('cluster.legend.memoryBar')}</span>
        </li>
      </ul>
      <p className="cluster-legend-note">{t('cluster.legend.barsNote')}</p>
    </section>
  );
}
