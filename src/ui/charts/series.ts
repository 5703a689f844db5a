import type { TraceSample } from '../../sim/trace/trace';
import { hpasInSample } from '../common/hpaInfo';
import { DASH, seriesColor } from './palette';

/** One line on a panel. `values[i]` belongs to `times[i]`; null breaks the line. */
export interface Series {
  key: string;
  label: string;
  color: string;
  dash: number[];
  /** Draw as a staircase: counts change at an instant, they do not ramp. */
  step: boolean;
  values: (number | null)[];
}

export type BasePanelId = 'replicas' | 'cpu' | 'nodes' | 'pending' | 'load' | 'latency' | 'cost';
/** Autoscaler panels (autoscalerSeries.ts) carry the object's name in their id. */
export type PanelId = BasePanelId | `${'vpa-cpu' | 'vpa-memory' | 'queue-depth' | 'queue-age' | 'scaledobject' | 'nodeclaims' | 'ca-nodes'}-${string}`;

/** A shaded stretch of time behind a panel's lines (e.g. a ScaledObject being active). */
export interface Band {
  key: string;
  label: string;
  color: string;
  /** `on[i]` belongs to the panel's `times[i]`. */
  on: boolean[];
}

export interface PanelModel {
  id: PanelId;
  /**
   * i18n key of the title. Autoscaler panels put their already translated title here (it names an
   * object, and `t()` hands back a sentence-like key it has no entry for unchanged).
   */
  titleKey: string;
  unit: string;
  /** Fixed lower/upper bound of the y axis when the data has a natural one (0, 100 %). */
  yMin: number;
  yMaxAtLeast: number;
  decimals: number;
  series: Series[];
  /**
   * Sample times of this panel when they are not the history's (the VPA records its own points
   * at each recommender pass); `values[i]` then belongs to `times[i]` here.
   */
  times?: number[];
  bands?: Band[];
  /** i18n key said in place of the legend when the panel has no series (e.g. no traffic at all). */
  emptyKey?: string;
}

/** Labels are produced by a translator so the same model serves English and Korean. */
export type Label = (key: string, values?: Record<string, string | number>) => string;

function keysOver<T>(history: TraceSample[], pick: (s: TraceSample) => Record<string, T> | undefined): string[] {
  const seen = new Set<string>();
  for (const s of history) for (const k of Object.keys(pick(s) ?? {})) seen.add(k);
  return [...seen].sort();
}

function column(history: TraceSample[], get: (s: TraceSample) => number | undefined): (number | null)[] {
  return history.map((s) => {
    const v = get(s);
    return v === undefined || !Number.isFinite(v) ? null : v;
  });
}

const anyValue = (vs: (number | null)[]) => vs.some((v) => v !== null);

/** The node table's words for a capacity type, so the legend and the table agree ("온디맨드", not "on-demand"). */
const CAPACITY_WORDS: Record<string, string> = { 'on-demand': 'cluster.cost.onDemand', spot: 'cluster.cost.spot' };
const capacityWord = (c: string, label: Label) => (c in CAPACITY_WORDS ? label(CAPACITY_WORDS[c]) : c);

/** Everything the chart column draws, derived from the session's history (a sample every 5 s). */
export function buildPanels(history: TraceSample[], label: Label): PanelModel[] {
  const workloads = keysOver(history, (s) => s.workloads);
  const loads = keysOver(history, (s) => s.load);
  const pools = keysOver(history, (s) => s.nodes.byPool);
  const capacity = keysOver(history, (s) => s.nodes.byCapacityType);
  const hpaByTarget = new Map<string, string>();
  for (const s of history) for (const h of hpasInSample(s)) hpaByTarget.set(h.target, h.name);
  const hpaOf = (s: TraceSample, target: string) => hpasInSample(s).find((h) => h.target === target);

  const replicas: Series[] = [];
  const cpu: Series[] = [];
  workloads.forEach((w, i) => {
    const color = seriesColor(i);
    replicas.push(
      { key: `${w}/current`, label: label('charts.current', { name: w }), color, dash: DASH.solid, step: true, values: column(history, (s) => s.workloads[w]?.replicas) },
      { key: `${w}/desired`, label: label('charts.desired', { name: w }), color, dash: DASH.desired, step: true, values: column(history, (s) => s.workloads[w]?.desired) },
    );
    cpu.push({
      key: `${w}/util`,
      label: label('views.charts.podAverage', { name: w }),
      color,
      dash: DASH.solid,
      step: false,
      // No pods (or none with a CPU request): no utilization, shown as "–" as elsewhere. The trace
      // keeps 0 there (its format's number); 0 % would read as idle pods.
      values: column(history, (s) => (s.workloads[w] && s.workloads[w].cpuRequestMillis > 0 ? s.workloads[w].cpuUtilization * 100 : undefined)),
    });
    if (hpaByTarget.has(w)) {
      const min = column(history, (s) => hpaOf(s, w)?.minReplicas);
      const max = column(history, (s) => hpaOf(s, w)?.maxReplicas);
      const target = column(history, (s) => hpaOf(s, w)?.targetCpuPercent);
      // What the HPA computed from (Ready pods with a metric, its last sync): it differs from the
      // plain average over all pods, and a student needs both lines to see why.
      const observed = column(history, (s) => hpaOf(s, w)?.observedCpuPercent);
      if (anyValue(observed)) cpu.push({ key: `${w}/hpaObserved`, label: label('views.charts.hpaObserved', { name: w }), color: seriesColor(i + 5), dash: DASH.solid, step: true, values: observed });
      if (anyValue(min)) replicas.push({ key: `${w}/min`, label: label('charts.hpaMin', { name: w }), color, dash: DASH.bound, step: true, values: min });
      if (anyValue(max)) replicas.push({ key: `${w}/max`, label: label('charts.hpaMax', { name: w }), color, dash: DASH.bound, step: true, values: max });
      if (anyValue(target)) cpu.push({ key: `${w}/target`, label: label('charts.target', { name: w }), color, dash: DASH.target, step: true, values: target });
    }
  });

  const nodes: Series[] = [
    ...pools.map((p, i) => ({
      key: `pool/${p}`,
      label: label('charts.pool', { name: p }),
      color: seriesColor(i),
      dash: DASH.solid,
      step: true,
      values: column(history, (s) => s.nodes.byPool[p] ?? 0),
    })),
    ...capacity.map((c, i) => ({
      key: `capacity/${c}`,
      label: label('charts.capacity', { name: capacityWord(c, label) }),
      color: seriesColor(pools.length + i),
      dash: DASH.desired,
      step: true,
      values: column(history, (s) => s.nodes.byCapacityType[c] ?? 0),
    })),
  ];

  const loadSeries: Series[] = [];
  const latency: Series[] = [];
  loads.forEach((l, i) => {
    const base = i * 3;
    loadSeries.push(
      { key: `${l}/offered`, label: label('charts.offered', { name: l }), color: seriesColor(base), dash: DASH.desired, step: false, values: column(history, (s) => s.load[l]?.offeredRps) },
      { key: `${l}/served`, label: label('charts.served', { name: l }), color: seriesColor(base + 2), dash: DASH.solid, step: false, values: column(history, (s) => s.load[l]?.servedRps) },
      { key: `${l}/dropped`, label: label('charts.dropped', { name: l }), color: seriesColor(base + 5), dash: DASH.solid, step: false, values: column(history, (s) => s.load[l]?.droppedRps) },
    );
    latency.push({ key: `${l}/p95`, label: label('charts.p95', { name: l }), color: seriesColor(i), dash: DASH.solid, step: false, values: column(history, (s) => s.load[l]?.p95LatencyMs) });
  });

  // Samples but no load entry: nothing sends requests in this scenario, so there is no latency to chart.
  const emptyKey = history.length > 0 ? 'views.charts.noTraffic' : undefined;
  // Samples but no Deployment in any of them (ca-nginx-scaleout deletes its own at 5:00, and
  // history keeps the last 4 h): there is no workload to chart, which "press Play" did not say.
  const noWorkloadKey = history.length > 0 ? 'views.charts.noWorkloads' : undefined;
  return [
    { id: 'replicas', titleKey: 'charts.replicas', unit: '', yMin: 0, yMaxAtLeast: 4, decimals: 0, series: replicas, emptyKey: noWorkloadKey },
    { id: 'cpu', titleKey: 'charts.cpu', unit: '%', yMin: 0, yMaxAtLeast: 100, decimals: 1, series: cpu, emptyKey: noWorkloadKey },
    { id: 'nodes', titleKey: 'charts.nodes', unit: '', yMin: 0, yMaxAtLeast: 4, decimals: 0, series: nodes },
    {
      id: 'pending',
      titleKey: 'charts.pending',
      unit: '',
      yMin: 0,
      yMaxAtLeast: 4,
      decimals: 0,
      series: [{ key: 'pending', label: label('charts.pendingPods'), color: seriesColor(5), dash: DASH.solid, step: true, values: column(history, (s) => s.pods.pending) }],
    },
    { id: 'load', titleKey: 'charts.load', unit: 'rps', yMin: 0, yMaxAtLeast: 10, decimals: 1, series: loadSeries, emptyKey },
    { id: 'latency', titleKey: 'charts.latency', unit: 'ms', yMin: 0, yMaxAtLeast: 10, decimals: 0, series: latency, emptyKey },
    {
      id: 'cost',
      titleKey: 'charts.cost',
      unit: '$/h',
      yMin: 0,
      yMaxAtLeast: 0.1,
      decimals: 3,
      series: [{ key: 'cost', label: label('charts.costPerHour'), color: seriesColor(2), dash: DASH.solid, step: true, values: column(history, (s) => s.costPerHour) }],
    },
  ];
}

/** Index of the last sample at or before t (binary search; times ascend). -1 if none. */
export function indexAtOrBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Largest value of the panel's series inside [t0, t1], never below the panel's floor. */
export function visibleMax(panel: PanelModel, times: readonly number[], t0: number, t1: number): number {
  let max = panel.yMaxAtLeast;
  const from = Math.max(0, indexAtOrBefore(times, t0));
  for (const s of panel.series) {
    for (let i = from; i < times.length && times[i] <= t1; i++) {
      const v = s.values[i];
      if (v !== null && v > max) max = v;
    }
  }
  return max;
}
