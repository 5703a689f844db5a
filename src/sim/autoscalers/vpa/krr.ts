/**
 * KRR-style (robusta-dev/krr, "simple" strategy) right-sizing report from usage history.
 * Unlike the VPA it never acts: it is a one-off table computed from history.
 *
 * Simple strategy (robusta_krr/strategies/simple.py, core/abstract/strategies.py):
 * - history 336h (14 days) at a 1.25-minute step; at least 100 points per resource, else "?";
 * - CPU request = the highest per-pod 95th percentile of usage; CPU limit unset;
 * - memory request = limit = highest per-pod max usage × (1 + 15%);
 * - an HPA on CPU (or memory) turns that resource's recommendation into "?" unless allow_hpa;
 * - values are rounded up to whole millicores / MiB and floored at 10m / 100Mi (krr config);
 * - severity from |current − recommended|: CPU ≥0.5 core CRITICAL, ≥0.25 WARNING, ≥0.1 OK;
 *   memory ≥500Mi CRITICAL, ≥250Mi WARNING, ≥100Mi OK; else GOOD.
 */
import { formatTable } from './kubectlFormat';
import { maxOf } from '../../core/arrays';

export const KRR_SIMPLE_DEFAULTS = {
  cpuPercentile: 95,
  memoryBufferPercentage: 15,
  historyDurationHours: 24 * 7 * 2,
  timeframeDurationMinutes: 1.25,
  pointsRequired: 100,
  allowHpa: false,
  cpuMinValueMillis: 10,
  memoryMinValueMiB: 100,
} as const;

export type KrrSettings = { -readonly [K in keyof typeof KRR_SIMPLE_DEFAULTS]: (typeof KRR_SIMPLE_DEFAULTS)[K] };

export type KrrSeverity = 'UNKNOWN' | 'GOOD' | 'OK' | 'WARNING' | 'CRITICAL';
/** A number, `null` for "should be unset", or '?' for "no recommendation". */
export type KrrValue = number | null | '?';

export interface KrrWorkloadInput {
  namespace: string;
  name: string;
  kind: string;
  container: string;
  /** Per pod, CPU usage samples (millicores) at the strategy's step over its history window. */
  cpuSamplesMillisByPod: Record<string, number[]>;
  /** Per pod, memory working-set samples (MiB). */
  memorySamplesMiBByPod: Record<string, number[]>;
  current: { cpuRequest: KrrValue; cpuLimit: KrrValue; memoryRequest: KrrValue; memoryLimit: KrrValue };
  hpaTargetsCpu?: boolean;
  hpaTargetsMemory?: boolean;
  /**
   * Raw samples Prometheus holds over the window (KRR's count_over_time check, counted at the scrape
   * interval, not at the step). Defaults to the number of step samples given.
   */
  cpuPointCount?: number;
  memoryPointCount?: number;
}

export interface KrrCell {
  current: KrrValue;
  recommended: KrrValue;
  severity: KrrSeverity;
}

export interface KrrRow {
  namespace: string;
  name: string;
  pods: number;
  kind: string;
  container: string;
  cpuRequests: KrrCell;
  cpuLimits: KrrCell;
  memoryRequests: KrrCell;
  memoryLimits: KrrCell;
  severity: KrrSeverity;
  info: string[];
}

/** PromQL quantile_over_time / numpy's default: linear interpolation between closest ranks. */
export function quantileLinear(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/**
 * Samples a (t seconds, value) series at the strategy's step over its window, taking the newest
 * sample at or before each step instant (within 5 minutes, Prometheus' lookback).
 */
export function samplesAtStep(
  series: readonly { t: number; v: number }[],
  nowSeconds: number,
  settings: Pick<KrrSettings, 'historyDurationHours' | 'timeframeDurationMinutes'> = KRR_SIMPLE_DEFAULTS,
): number[] {
  const step = settings.timeframeDurationMinutes * 60;
  const start = Math.max(0, nowSeconds - settings.historyDurationHours * 3600);
  const out: number[] = [];
  let j = 0;
  for (let t = start; t <= nowSeconds; t += step) {
    while (j + 1 < series.length && series[j + 1].t <= t) j++;
    const s = series[j];
    if (s && s.t <= t && t - s.t <= 300) out.push(s.v);
  }
  return out;
}

function roundUp(value: number, min: number): number {
  return Math.max(Math.ceil(value - 1e-9), min);
}

export function cpuSeverity(current: KrrValue, recommended: KrrValue): KrrSeverity {
  if (current === '?' || recommended === '?') return 'UNKNOWN';
  if (current === null && recommended === null) return 'GOOD';
  if (current === null || recommended === null) return 'WARNING';
  const diffCores = Math.abs(current - recommended) / 1000;
  if (diffCores >= 0.5) return 'CRITICAL';
  if (diffCores >= 0.25) return 'WARNING';
  if (diffCores >= 0.1) return 'OK';
  return 'GOOD';
}

export function memorySeverity(current: KrrValue, recommended: KrrValue): KrrSeverity {
  if (current === '?' || recommended === '?') return 'UNKNOWN';
  if (current === null && recommended === null) return 'GOOD';
  if (current === null || recommended === null) return 'WARNING';
  const diffMiB = Math.abs(current - recommended);
  if (diffMiB >= 500) return 'CRITICAL';
  if (diffMiB >= 250) return 'WARNING';
  if (diffMiB >= 100) return 'OK';
  return 'GOOD';
}

const SEVERITY_ORDER: KrrSeverity[] = ['UNKNOWN', 'GOOD', 'OK', 'WARNING', 'CRITICAL'];
function worst(...s: KrrSeverity[]): KrrSeverity {
  return s.reduce((a, b) => (SEVERITY_ORDER.indexOf(b) > SEVERITY_ORDER.indexOf(a) ? b : a), 'UNKNOWN');
}

function pointCount(byPod: Record<string, number[]>): number {
  return Object.values(byPod).reduce((n, v) => n + v.length, 0);
}

export function krrSimpleRecommend(input: KrrWorkloadInput, settings: KrrSettings = { ...KRR_SIMPLE_DEFAULTS }): KrrRow {
  const info: string[] = [];
  let cpu: KrrValue = '?';
  const cpuPods = Object.values(input.cpuSamplesMillisByPod).filter((v) => v.length > 0);
  if (cpuPods.length === 0) info.push('CPU: No data');
  else if ((input.cpuPointCount ?? pointCount(input.cpuSamplesMillisByPod)) < settings.pointsRequired) info.push('CPU: Not enough data');
  else if (input.hpaTargetsCpu && !settings.allowHpa) info.push('CPU: HPA detected');
  else {
    const perPod = cpuPods.map((v) => quantileLinear(v, settings.cpuPercentile / 100));
    cpu = roundUp(maxOf(perPod), settings.cpuMinValueMillis);
  }
  let memory: KrrValue = '?';
  const memPods = Object.values(input.memorySamplesMiBByPod).filter((v) => v.length > 0);
  if (memPods.length === 0) info.push('Memory: No data');
  else if ((input.memoryPointCount ?? pointCount(input.memorySamplesMiBByPod)) < settings.pointsRequired) info.push('Memory: Not enough data');
  else if (input.hpaTargetsMemory && !settings.allowHpa) info.push('Memory: HPA detected');
  else {
    const peak = maxOf(memPods.map((v) => maxOf(v)));
    memory = roundUp(peak * (1 + settings.memoryBufferPercentage / 100), settings.memoryMinValueMiB);
  }
  const cpuLimit: KrrValue = cpu === '?' ? '?' : null;
  const cell = (current: KrrValue, recommended: KrrValue, sev: typeof cpuSeverity): KrrCell => ({
    current,
    recommended,
    severity: sev(current, recommended),
  });
  const row = {
    namespace: input.namespace,
    name: input.name,
    pods: Object.keys({ ...input.cpuSamplesMillisByPod, ...input.memorySamplesMiBByPod }).length,
    kind: input.kind,
    container: input.container,
    cpuRequests: cell(input.current.cpuRequest, cpu, cpuSeverity),
    cpuLimits: cell(input.current.cpuLimit, cpuLimit, cpuSeverity),
    memoryRequests: cell(input.current.memoryRequest, memory, memorySeverity),
    memoryLimits: cell(input.current.memoryLimit, memory, memorySeverity),
    info,
  };
  return {
    ...row,
    severity: worst(
      row.cpuRequests.severity,
      row.cpuLimits.severity,
      row.memoryRequests.severity,
      row.memoryLimits.severity,
    ),
  };
}

function show(v: KrrValue, unit: 'm' | 'Mi'): string {
  if (v === '?') return '?';
  if (v === null) return 'none';
  return `${v}${unit}`;
}

function showCell(c: KrrCell, unit: 'm' | 'Mi'): string {
  return `(${c.severity}) ${show(c.current, unit)} -> ${show(c.recommended, unit)}`;
}

/** The report as KRR's table prints it (severity in brackets where KRR uses colour). */
export function formatKrrTable(rows: readonly KrrRow[]): string {
  return formatTable(
    ['Number', 'Namespace', 'Name', 'Pods', 'Type', 'Container', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits'],
    rows.map((r, i) => [
      String(i + 1),
      r.namespace,
      r.name,
      String(r.pods),
      r.kind,
      r.container,
      showCell(r.cpuRequests, 'm'),
      showCell(r.cpuLimits, 'm'),
      showCell(r.memoryRequests, 'Mi'),
      showCell(r.memoryLimits, 'Mi'),
    ]),
  );
}
