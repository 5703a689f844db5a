import { useCallback, useMemo, useRef, useState } from 'react';
import { useDismiss } from '../common/useDismiss';
import { useTranslation } from 'react-i18next';
import type { ColorBy } from './layoutTypes';
import { Legend } from './Legend';

interface Props {
  colorBy: ColorBy;
  onColorBy: (c: ColorBy) => void;
  zoom: number;
  onZoom: (z: number) => void;
  onFit: () => void;
  workloads: Map<string, string>;
}

const MAX_WORKLOAD_CHIPS = 8;

export function GridToolbar({ colorBy, onColorBy, zoom, onZoom, onFit, workloads }: Props) {
  const { t } = useTranslation();
  const [legendOpen, setLegendOpen] = useState(false);
  const legendButton = useRef<HTMLButtonElement>(null);
  const legendPopover = useRef<HTMLDivElement>(null);
  const inside = useMemo(() => [legendButton, legendPopover], []);
  useDismiss(legendOpen, useCallback(() => setLegendOpen(false), []), inside, legendButton);
  const chips = [...workloads].slice(0, MAX_WORKLOAD_CHIPS);
  return (
    <>
      <div className="cluster-toolbar" role="toolbar" aria-label={t('cluster.grid.toolbar')}>
        <span className="cluster-toolbar-hint">{t('cluster.grid.hint')}</span>
        <label>
          {t('cluster.grid.colorBy')}{' '}
          <select aria-label={t('cluster.grid.colorBy')} value={colorBy} onChange={(e) => onColorBy(e.target.value as ColorBy)}>
            <option value="status">{t('cluster.grid.colorByStatus')}</option>
            <option value="workload">{t('cluster.grid.colorByWorkload')}</option>
          </select>
        </label>
        <button type="button" aria-label={t('cluster.grid.zoomOut')} title={t('cluster.grid.zoomOut')} onClick={() => onZoom(zoom / 1.25)}>
          −
        </button>
        <span className="cluster-zoom" aria-live="off">
          {Math.round(zoom * 100)}%
        </span>
        <button type="button" aria-label={t('cluster.grid.zoomIn')} title={t('cluster.grid.zoomIn')} onClick={() => onZoom(zoom * 1.25)}>
          +
        </button>
        <button type="button" onClick={onFit} title={t('cluster.grid.fitHint')}>
          {t('cluster.grid.fit')}
        </button>
        <button type="button" ref={legendButton} aria-expanded={legendOpen} onClick={() => setLegendOpen((o) => !o)}>
          {t('cluster.legend.button')}
        </button>
      </div>
      {colorBy === 'workload' && chips.length > 0 && (
        <ul className="cluster-workload-key" aria-label={t('cluster.legend.workloads')}>
          {chips.map(([name, color]) => (
            <li key={name}>
              <span className="cluster-swatch" style={{ background: color }} />
              {name}
            </li>
          ))}
          {workloads.size > MAX_WORKLOAD_CHIPS && <li>{t('cluster.legend.more', { count: workloads.size - MAX_WORKLOAD_CHIPS })}</li>}
        </ul>
      )}
      {legendOpen && (
        <div className="cluster-legend-popover" ref={legendPopover}>
          <button type="button" className="cluster-close" aria-label={t('cluster.close')} onClick={() => setLegendOpen(false)}>
            ×
          </button>
          <Legend />
        </div>
      )}
    </>
  );
}
