/**
 * The playground's own "Prometheus" for KRR: every 1.25 minutes (the simple strategy's step) each
 * Deployment pod's metric (what metrics-server last saw) is appended to a per-pod series, kept for
 * the strategy's 14-day window. `krrRows` runs the simple strategy over it; `krrSimpleView` prints
 * the table `krr simple` prints. A one-off report: nothing here acts on the cluster.
 */
import type { World } from '../../core/types';
import { METRIC_RESOLUTION_MS } from '../../metrics/metricsServer';
import { formatKrrTable, krrSimpleRecommend, KRR_SIMPLE_DEFAULTS, samplesAtStep, type KrrRow, type KrrSettings, type KrrValue } from './krr';

/** One pod's history: parallel arrays (seconds, millicores, MiB) keep checkpoints small. */
export interface KrrPodSeries {
  namespace: string;
  /** The Deployment the pod belonged to. */
  workload: string;
  t: number[];
  cpu: number[];
  mem: number[];
}

export interface KrrHistory {
  /** By pod name (pod names are unique in the world). A Map: one lookup per pod per step. */
  series: Map<string, KrrPodSeries>;
  lastSampleMs: number;
}

export const KRR_STEP_MS = KRR_SIMPLE_DEFAULTS.timeframeDurationMinutes * 60_000;
const WINDOW_SECONDS = KRR_SIMPLE_DEFAULTS.historyDurationHours * 3600;

function emptyHistory(): KrrHistory {
  return { series: new Map(), lastSampleMs: -1 };
}

function historyOf(world: World): KrrHistory {
  const s = world.autoscalers.vpa as { krr?: KrrHistory } | undefined;
  if (s?.krr) return s.krr;
  const created = emptyHistory();
  if (s) s.krr = created;
  return created;
}

function dropBefore(series: KrrPodSeries, cutoff: number): void {
  let n = 0;
  while (n < series.t.length && series.t[n] < cutoff) n++;
  if (n === 0) return;
  series.t.splice(0, n);
  series.cpu.splice(0, n);
  series.mem.splice(0, n);
}

/** How often series are trimmed to the window (trimming every step would cost more than it saves). */
const PRUNE_EVERY_SECONDS = 3600;

/** One step: append every Deployment pod's latest metric; hourly, forget what fell out of the window. */
export function sampleKrrHistory(world: World, history: KrrHistory): void {
  const now = world.timeMs / 1000;
  const prune = history.lastSampleMs < 0 || Math.floor(now / PRUNE_EVERY_SECONDS) !== Math.floor(history.lastSampleMs / 1000 / PRUNE_EVERY_SECONDS);
  history.lastSampleMs = world.timeMs;
  const series = history.series;
  for (const pod of world.pods.values()) {
    const m = pod.metric;
    if (!m || !pod.deployment) continue;
    let s = series.get(pod.name);
    if (!s) series.set(pod.name, (s = { namespace: pod.namespace, workload: pod.deployment, t: [], cpu: [], mem: [] }));
    s.t.push(now);
    s.cpu.push(Math.round(m.cpuMillis * 1000) / 1000);
    s.mem.push(Math.round(m.memoryMiB * 1000) / 1000);
  }
  if (prune) pruneHistory(history, now - WINDOW_SECONDS);
}

function pruneHistory(history: KrrHistory, cutoff: number): void {
  for (const [pod, s] of history.series) {
    dropBefore(s, cutoff);
    if (s.t.length === 0) history.series.delete(pod);
  }
}

function current(v: number): KrrValue {
  return v > 0 ? v : null;
}

/** The simple strategy per container of every Deployment with history, in namespace/name order. */
export function krrRows(world: World, settings: KrrSettings = { ...KRR_SIMPLE_DEFAULTS }): KrrRow[] {
  const history = historyOf(world);
  const now = world.timeMs / 1000;
  const rows: KrrRow[] = [];
  const byWorkload = new Map<string, { namespace: string; name: string; pods: [string, KrrPodSeries][] }>();
  for (const entry of history.series) {
    const key = `${entry[1].namespace}/${entry[1].workload}`;
    let w = byWorkload.get(key);
    if (!w) byWorkload.set(key, (w = { namespace: entry[1].namespace, name: entry[1].workload, pods: [] }));
    w.pods.push(entry);
  }
  for (const key of [...byWorkload.keys()].sort()) {
    const w = byWorkload.get(key)!;
    const d = world.deployments.get(w.name);
    if (!d || d.namespace !== w.namespace) continue;
    const containers = d.template.containers;
    const totalCpuRequest = containers.reduce((a, c) => a + c.requests.cpuMillis, 0);
    const totalMemRequest = containers.reduce((a, c) => a + c.requests.memoryMiB, 0);
    for (const c of containers) {
      // Pod metrics are per pod; a container's share follows its share of the requests.
      const cpuShare = totalCpuRequest > 0 ? c.requests.cpuMillis / totalCpuRequest : 1 / containers.length;
      const memShare = totalMemRequest > 0 ? c.requests.memoryMiB / totalMemRequest : 1 / containers.length;
      const cpuByPod: Record<string, number[]> = {};
      const memByPod: Record<string, number[]> = {};
      let points = 0;
      for (const [pod, s] of w.pods.slice().sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const cpu = s.t.map((t, i) => ({ t, v: s.cpu[i] * cpuShare }));
        const mem = s.t.map((t, i) => ({ t, v: s.mem[i] * memShare }));
        cpuByPod[pod] = samplesAtStep(cpu, now, settings);
        memByPod[pod] = samplesAtStep(mem, now, settings);
        // Prometheus scrapes at metrics-server's resolution: several raw points behind each step sample.
        points += (s.t.length * KRR_STEP_MS) / METRIC_RESOLUTION_MS;
      }
      rows.push(
        krrSimpleRecommend(
          {
            namespace: w.namespace,
            name: w.name,
            kind: 'Deployment',
            container: c.name,
            cpuSamplesMillisByPod: cpuByPod,
            memorySamplesMiBByPod: memByPod,
            current: {
              cpuRequest: current(c.requests.cpuMillis),
              cpuLimit: current(c.limits.cpuMillis),
              memoryRequest: current(Math.round(c.requests.memoryMiB)),
              memoryLimit: current(Math.round(c.limits.memoryMiB)),
            },
            cpuPointCount: points,
            memoryPointCount: points,
          },
          settings,
        ),
      );
    }
  }
  return rows;
}

/** What `krr simple` prints over the playground's history. */
export function krrSimpleView(world: World): string {
  const rows = krrRows(world);
  const header = [
    'Running Simple Strategy',
    `  history: ${KRR_SIMPLE_DEFAULTS.historyDurationHours}h at a ${KRR_SIMPLE_DEFAULTS.timeframeDurationMinutes}m step; CPU request = p${KRR_SIMPLE_DEFAULTS.cpuPercentile} per pod (no CPU limit); memory = peak + ${KRR_SIMPLE_DEFAULTS.memoryBufferPercentage}%`,
    '  A one-off report from history: KRR changes nothing (the VPA acts, KRR only advises).',
    '',
  ];
  if (rows.length === 0) return [...header, 'No workloads with usage history yet.'].join('\n');
  const notes = rows.filter((r) => r.info.length > 0).map((r) => `  ${r.name}/${r.container}: ${r.info.join('; ')}`);
  return [...header, formatKrrTable(rows), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
