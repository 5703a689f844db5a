import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { useThrottledVersion } from '../cluster/useThrottledVersion';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { buildPanels } from './series';
import { ChartPanel } from './ChartPanel';
import { faultAnnotations, scalingAnnotations, withFaults } from './annotations';
import { useChartView, visibleRange, WINDOWS, windowLabel } from './chartView';
import { buildAutoscalerPanels, placeAutoscalerPanels } from './autoscalerSeries';
import { BandOverlay } from './BandOverlay';
import { onlyWorkload } from './workloadFilter';
import { vpaChartSources, vpaChartStamp } from '../autoscalers/worldLookups';

const PANEL_MIN_WIDTH = 360;
const PLOT_HEIGHT = 96;
/**
 * Rebuild and redraw at most this often. Playing at 1000× a new sample lands every frame, and
 * rebuilding every series over the whole history plus redrawing every panel each frame was the
 * largest part of the page's long tasks (docs/performance.md); five times a second reads as smooth.
 */
const REDRAW_MS = 200;

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => setWidth(Math.floor(entries[0].contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/** All panels over one time range, with the window picker. Redraws only when a new sample lands. */
/** `workload`: embed mode for one workload (its series and the cluster-wide ones only). */
export function ChartsColumn({ theme, workload }: { theme: string; workload?: string }) {
  const { t, i18n } = useTranslation();
  useThrottledVersion(REDRAW_MS);
  const session = usePlayground((s) => s.session);
  const windowSec = useChartView((s) => s.windowSec);
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const history = session?.history;
  const len = history?.length ?? 0;
  const lastT = len > 0 && history ? history[len - 1].t : 0;
  const sampleKey = `${len}:${lastT}`;

  const world = session?.world;
  // The VPA keeps its own chart points (one a minute): they change between history samples only at a recommender pass.
  const vpaStamp = world ? vpaChartStamp(world) : '';
  const { panels, times } = useMemo(() => {
    const h = history ?? [];
    const label = (k: string, v?: Record<string, string | number>) => t(k, v);
    const extra = buildAutoscalerPanels(h, world ? vpaChartSources(world) : [], label);
    const all = placeAutoscalerPanels(buildPanels(h, label), extra);
    return { panels: workload ? onlyWorkload(all, workload, h) : all, times: h.map((s) => s.t) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- history and the world mutate in place; sampleKey and vpaStamp say when they changed
  }, [history, world, sampleKey, vpaStamp, i18n.language, workload]);

  const nowS = lastT;
  const { t0, t1 } = visibleRange(nowS, windowSec);
  const events = session?.world.events;
  const commands = session?.world.commands;
  const annotations = useMemo(
    () => withFaults(scalingAnnotations(events ?? [], t0, t1, Math.max(5, (t1 - t0) / 120)), faultAnnotations(commands ?? [], t0, t1)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- events grow in place; new samples say when to look
    [events, commands, sampleKey, t0, t1],
  );

  const cols = Math.max(1, Math.floor(width / PANEL_MIN_WIDTH));
  const panelWidth = Math.max(100, Math.floor((width - (cols - 1) * 8) / cols));

  return (
    <section className="charts" aria-label={t('charts.title')}>
      <div className="charts-toolbar">
        <span>{t('charts.window')}</span>
        {WINDOWS.map((w) => (
          <button key={String(w)} type="button" className={`tiny${w === windowSec ? ' active' : ''}`} aria-pressed={w === windowSec} onClick={() => useChartView.getState().setWindow(w)}>
            {w === null ? t('charts.windowAll') : windowLabel(w, t)}
          </button>
        ))}
        <button type="button" className="tiny" aria-label={t('charts.zoomIn')} onClick={() => useChartView.getState().zoom(-1)}>
          +
        </button>
        <button type="button" className="tiny" aria-label={t('charts.zoomOut')} onClick={() => useChartView.getState().zoom(1)}>
          −
        </button>
      </div>
      <div className="chart-grid" ref={ref} style={{ gridTemplateColumns: `repeat(${cols}, 1fr)` }}>
        {width > 0 &&
          panels.map((p) => {
            const panelTimes = p.times ?? times;
            const chart = <ChartPanel panel={p} times={panelTimes} t0={t0} t1={t1} nowS={nowS} width={panelWidth} height={PLOT_HEIGHT} annotations={annotations} theme={theme} />;
            return (
              <ErrorBoundary key={p.id} name={`chart-${p.id}`}>
                {p.bands ? (
                  <BandOverlay panel={p} times={panelTimes} view={{ t0, t1, width: panelWidth, height: PLOT_HEIGHT }}>
                    {chart}
                  </BandOverlay>
                ) : (
                  chart
                )}
              </ErrorBoundary>
            );
          })}
      </div>
    </section>
  );
}
