import { create } from 'zustand';

/** Visible window choices, seconds; null = everything recorded. */
export const WINDOWS: (number | null)[] = [300, 900, 3600, 4 * 3600, null];

/**
 * A window button's label: a duration (5m, 15m, 1h, 4h), not a clock reading ("5:00" reads as a
 * time of day or as minutes:seconds). `t` supplies the translated unit.
 */
export function windowLabel(sec: number, t: (key: string, values: Record<string, number>) => string): string {
  if (sec % 3600 === 0) return t('views.charts.windowHours', { n: sec / 3600 });
  return t('views.charts.windowMinutes', { n: Math.round(sec / 60) });
}

interface ChartViewState {
  /** Hovered sim time shared by every panel (the crosshair), or null. */
  hoverT: number | null;
  windowSec: number | null;
  hidden: Set<string>;
  setHover: (t: number | null) => void;
  setWindow: (w: number | null) => void;
  zoom: (direction: 1 | -1) => void;
  toggleSeries: (key: string) => void;
}

export const useChartView = create<ChartViewState>((set, get) => ({
  hoverT: null,
  windowSec: null,
  hidden: new Set(),
  setHover: (hoverT) => set({ hoverT }),
  setWindow: (windowSec) => set({ windowSec }),
  zoom(direction) {
    const i = WINDOWS.indexOf(get().windowSec);
    const next = Math.min(WINDOWS.length - 1, Math.max(0, i + direction));
    set({ windowSec: WINDOWS[next] });
  },
  toggleSeries(key) {
    const hidden = new Set(get().hidden);
    if (hidden.has(key)) hidden.delete(key);
    else hidden.add(key);
    set({ hidden });
  },
}));

/** The time range shown: the last `windowSec` up to now, or all of it (at least a minute). */
export function visibleRange(nowS: number, windowSec: number | null): { t0: number; t1: number } {
  if (windowSec === null) return { t0: 0, t1: Math.max(60, nowS) };
  const t1 = Math.max(nowS, windowSec);
  return { t0: Math.max(0, t1 - windowSec), t1 };
}
