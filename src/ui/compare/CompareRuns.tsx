import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../sim/session';
import { useCompare, type RunB } from '../../store/compareStore';
import { WhyContent, WhyOfWorld } from '../panels/WhyPanel';
import { MiniGrid } from './MiniGrid';
import { useThrottledVersion } from '../cluster/useThrottledVersion';

/** How often run A's grid in this view follows A while it plays. */
const GRID_REFRESH_MS = 400;

/** Below this panel width the two grids do not fit side by side: one shows, and a key swaps them. */
const SIDE_BY_SIDE_MIN_PX = 720;

/**
 * Both runs' node grids side by side (or one at a time on a narrow screen: the A/B buttons or the
 * "x" key swap them), and the Why text for either run.
 */
export function CompareRuns({ a, b, version, view }: { a: Session; b: RunB; version: number; view: 'grids' | 'why' }) {
  const { t } = useTranslation();
  // What this view draws of B crosses from the worker only while it is on screen. B's grid is laid
  // out again only when a new one arrives (its own time as the version), not on every frame of A.
  useEffect(() => {
    useCompare.getState().watchView(view === 'grids' ? 'grid' : 'why');
    return () => useCompare.getState().watchView(null);
  }, [view]);
  const [run, setRun] = useState<'a' | 'b'>('a');
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => setWidth(Math.floor(entries[0].contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const both = view === 'grids' && width >= SIDE_BY_SIDE_MIN_PX;
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'x' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      setRun((r) => (r === 'a' ? 'b' : 'a'));
      e.preventDefault();
    }
  };
  // A's grid here follows at B's rhythm (a few times a second), not every frame: the two grids are
  // read side by side, and laying out 5,000 pods each frame a second time (the main grid already
  // does) was most of the tab's long tasks at 1000×.
  const gridVersionA = useThrottledVersion(GRID_REFRESH_MS);
  const labelA = t('compare.runNamedA', { name: a.spec.name });
  const labelB = t('compare.runNamedB', { name: b.name });
  const loadingB = (
    <p className="muted" role="status" data-testid="compare-b-loading">
      {t('compare.bWorldLoading')}
    </p>
  );
  return (
    <div className={`compare-runs ${view}`} ref={ref} tabIndex={0} onKeyDown={onKey} data-testid={`compare-${view}`} data-both={both ? '1' : '0'} aria-label={t(view === 'grids' ? 'compare.viewGrids' : 'compare.viewWhy')}>
      {!both && (
        <div className="compare-row" role="group" aria-label={t('compare.whichRun')}>
          {(['a', 'b'] as const).map((r) => (
            <button key={r} type="button" className={`tiny${run === r ? ' active' : ''}`} aria-pressed={run === r} data-testid={`compare-run-${r}`} onClick={() => setRun(r)}>
              {r === 'a' ? labelA : labelB}
            </button>
          ))}
          <span className="muted small">{t('compare.swapKey')}</span>
        </div>
      )}
      {view === 'grids' ? (
        <div className="compare-grids">
          {(both || run === 'a') && <MiniGrid world={a.world} version={gridVersionA} label={labelA} testId="compare-grid-a" />}
          {(both || run === 'b') && (b.grid ? <MiniGrid world={b.grid} version={b.grid.timeMs} label={labelB} testId="compare-grid-b" /> : loadingB)}
        </div>
      ) : (
        run === 'a' ? <WhyOfWorld world={a.world} version={version} testId="compare-why-a" /> : b.why ? <WhyContent view={b.why} testId="compare-why-b" /> : loadingB
      )}
    </div>
  );
}
