import type { KubeEvent } from '../sim/core/types';
import type { Trace, TraceSample } from '../sim/trace/trace';
import { engine } from '../store/engine';

/** The session's history as Trace JSON v1 (docs/trace.md), samples every 5 s. */
export function traceOf(scenario: string, seed: number, history: TraceSample[], events: KubeEvent[]): Trace {
  const last = history[history.length - 1];
  return {
    version: 1,
    scenario,
    seed,
    durationSeconds: last ? last.t : 0,
    sampleSeconds: engine().HISTORY_MS / 1000,
    samples: history.map(({ nodeDetails: _omit, ...s }) => s),
    events,
  };
}

const csvCell = (v: unknown) => {
  const s = typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? String(v) : '';
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per sample, one column per measure (workload, load target, pool), for spreadsheets. */
export function traceCsv(history: TraceSample[]): string {
  const workloads = [...new Set(history.flatMap((s) => Object.keys(s.workloads)))].sort();
  const loads = [...new Set(history.flatMap((s) => Object.keys(s.load)))].sort();
  const pools = [...new Set(history.flatMap((s) => Object.keys(s.nodes.byPool)))].sort();
  const cols: [string, (s: TraceSample) => unknown][] = [
    ['t', (s) => s.t],
    ['nodes_total', (s) => s.nodes.total],
    ['nodes_ready', (s) => s.nodes.ready],
    ['nodes_launching', (s) => s.nodes.launching],
    ['pods_pending', (s) => s.pods.pending],
    ['pods_running', (s) => s.pods.running],
    ['cost_per_hour', (s) => s.costPerHour],
    ...pools.map((p): [string, (s: TraceSample) => unknown] => [`pool_${p}`, (s) => s.nodes.byPool[p] ?? 0]),
    ...workloads.flatMap((w): [string, (s: TraceSample) => unknown][] => [
      [`${w}_desired`, (s) => s.workloads[w]?.desired],
      [`${w}_replicas`, (s) => s.workloads[w]?.replicas],
      [`${w}_ready`, (s) => s.workloads[w]?.ready],
      [`${w}_cpu_utilization`, (s) => s.workloads[w]?.cpuUtilization],
    ]),
    ...loads.flatMap((l): [string, (s: TraceSample) => unknown][] => [
      [`${l}_offered_rps`, (s) => s.load[l]?.offeredRps],
      [`${l}_served_rps`, (s) => s.load[l]?.servedRps],
      [`${l}_dropped_rps`, (s) => s.load[l]?.droppedRps],
      [`${l}_p95_ms`, (s) => s.load[l]?.p95LatencyMs],
    ]),
  ];
  const lines = [cols.map(([name]) => csvCell(name)).join(',')];
  for (const s of history) lines.push(cols.map(([, get]) => csvCell(get(s))).join(','));
  return `${lines.join('\n')}\n`;
}
